// The customer screen is where work starts (issue 18), headless: from Budi's screen a role edits,
// records a payment, opens an invoice, calls or WhatsApps him (the number as 62…), prints his last
// receipt and isolates/restores — each only when the role may; and what is open is in the address,
// so reload (a new harness on the same address) and back/forward (change_route) show the same.
#include <boost/test/unit_test.hpp>

#include "customer_world.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"
#include "widgets/print_view.hpp"

using kimonet::testing::ViewHarness;
using kimonet::testing::answer_customer_world;
using kimonet::testing::change_route;
using kimonet::testing::written_route;

namespace {

const std::vector<std::string> kQuickActions = {"edit", "pay", "invoice", "call", "whatsapp", "receipt", "isolate"};

std::vector<std::string> quick_actions(const ViewHarness& harness) {
    std::vector<std::string> shown;
    for (const auto& widget : harness.find_prefix("customer_detail.action."))
        shown.push_back(widget.value("id", "").substr(std::string("customer_detail.action.").size()));
    return shown;
}

void open_budi(ViewHarness& harness, const std::vector<std::string>& permissions, const std::string& role = "admin") {
    answer_customer_world(harness.api());
    harness.sign_in_staff(permissions, role);
    harness.settle();
}

std::string g_printed;

}  // namespace

BOOST_AUTO_TEST_SUITE(customer_screen)

BOOST_AUTO_TEST_CASE(each_role_sees_the_quick_actions_it_may_use) {
    {
        ViewHarness harness("customers/42");
        open_budi(harness, {"customers.read", "customers.update", "invoices.read", "payments.read", "payments.create", "network.control"});
        BOOST_TEST(quick_actions(harness) == kQuickActions, "everything for a role with every permission");
    }
    {
        ViewHarness harness("customers/42");  // the seeded finance role
        open_budi(harness, {"customers.read", "invoices.read", "invoices.create", "payments.read", "payments.create", "payments.void"},
                  "finance");
        BOOST_TEST(quick_actions(harness) == (std::vector<std::string>{"pay", "invoice", "call", "whatsapp", "receipt"}));
    }
    {
        ViewHarness harness("customers/42");  // the seeded technician role
        open_budi(harness, {"customers.read", "customers.update", "invoices.read", "network.read", "network.control"}, "technician");
        BOOST_TEST(quick_actions(harness) == (std::vector<std::string>{"edit", "invoice", "call", "whatsapp", "isolate"}));
    }
}

BOOST_AUTO_TEST_CASE(call_and_whatsapp_open_the_number_as_62) {
    ViewHarness harness("customers/42");
    open_budi(harness, {"customers.read", "invoices.read"});
    harness.click("customer_detail.action.call");
    harness.click("customer_detail.action.whatsapp");
    BOOST_TEST(kimonet::testing::opened_urls() == (std::vector<std::string>{"tel:+6281234567890", "https://wa.me/6281234567890"}));
}

BOOST_AUTO_TEST_CASE(record_a_payment_opens_the_unpaid_invoice_at_its_payment_panel_and_the_address_says_so) {
    ViewHarness harness("customers/42");
    open_budi(harness, {"customers.read", "invoices.read", "payments.read", "payments.create"});
    harness.click("customer_detail.action.pay");
    harness.settle();
    BOOST_TEST(harness.value("invoice.title") == "Tagihan INV-202601-0007");
    BOOST_TEST(harness.find("invoice.panel.submit").has_value(), "the payment panel is open");
    BOOST_TEST(written_route() == "customers/42/invoices/7/pay");
    // Back: the invoice without the panel, then the customer without the invoice.
    change_route("customers/42/invoices/7");
    harness.settle();
    BOOST_TEST(!harness.find("invoice.panel.submit").has_value());
    BOOST_TEST(harness.find("invoice.pay").has_value());
    change_route("customers/42");
    harness.settle();
    BOOST_TEST(!harness.find("invoice.title").has_value(), "the invoice closed");
    BOOST_TEST(harness.value("customer_detail.name") == "Budi Santoso");
    BOOST_TEST(harness.api().count("GET", "/api/customers/42/history") == 1, "going back did not reload the customer");
}

BOOST_AUTO_TEST_CASE(a_reload_on_an_invoice_panel_address_opens_the_same_thing) {
    ViewHarness harness("customers/42/invoices/7/pay");
    open_budi(harness, {"customers.read", "invoices.read", "payments.read", "payments.create"});
    BOOST_TEST(harness.value("customer_detail.name") == "Budi Santoso");
    BOOST_TEST(harness.value("invoice.title") == "Tagihan INV-202601-0007");
    BOOST_TEST(harness.find("invoice.panel.submit").has_value());
    BOOST_TEST(written_route() == "customers/42/invoices/7/pay");
}

BOOST_AUTO_TEST_CASE(an_address_for_a_panel_the_role_may_not_use_shows_the_invoice_only) {
    ViewHarness harness("invoices/7/pay");
    open_budi(harness, {"customers.read", "invoices.read"}, "technician");
    BOOST_TEST(harness.value("invoice.title") == "Tagihan INV-202601-0007");
    BOOST_TEST(!harness.find("invoice.panel.submit").has_value(), "no payment panel without payments.create");
    BOOST_TEST(written_route() == "invoices/7", "the address is corrected");
    BOOST_TEST(harness.api().count("POST", "/api/payments") == 0);
}

BOOST_AUTO_TEST_CASE(a_payment_void_panel_has_an_address) {
    ViewHarness harness("invoices/6/payments/4/void");
    open_budi(harness, {"customers.read", "invoices.read", "payments.read", "payments.void"}, "finance");
    BOOST_TEST(harness.label("invoice.panel.title") == "Batalkan pembayaran RCP-202512-0004");
    BOOST_TEST(written_route() == "invoices/6/payments/4/void");
    harness.click("invoice.panel.cancel");
    harness.settle();
    BOOST_TEST(written_route() == "invoices/6");
}

BOOST_AUTO_TEST_CASE(edit_is_an_address_too) {
    {
        ViewHarness harness("customers/42");
        open_budi(harness, {"customers.read", "customers.update", "packages.read"});
        harness.click("customer_detail.action.edit");
        harness.settle();
        BOOST_TEST(written_route() == "customers/42/edit");
        BOOST_TEST(harness.value("customer_form.name") == "Budi Santoso");
        change_route("customers/42");
        harness.settle();
        BOOST_TEST(!harness.find("customer_form.name").has_value(), "back closes the form");
    }
    ViewHarness reloaded("customers/42/edit");  // one harness at a time: they share ImGui's context
    open_budi(reloaded, {"customers.read", "customers.update", "packages.read"});
    BOOST_TEST(reloaded.value("customer_form.name") == "Budi Santoso");
}

BOOST_AUTO_TEST_CASE(print_receipt_prints_the_last_payment_as_a_58_mm_slip) {
    kimonet::print_view::install_page_sink({nullptr, [](const std::string& json) { g_printed = json; }});
    ViewHarness harness("customers/42");
    open_budi(harness, {"customers.read", "invoices.read", "payments.read"});
    harness.click("customer_detail.action.receipt");
    kimonet::print_view::install_page_sink({});
    BOOST_TEST(g_printed.find("RCP-202512-0004") != std::string::npos, g_printed);
    BOOST_TEST(g_printed.find("Budi Santoso") != std::string::npos, g_printed);
    BOOST_TEST(g_printed.find("INV-202512-0006") != std::string::npos, g_printed);
    // Who received the money (the cashier printing their own payment, by name) and the time's zone.
    BOOST_TEST(g_printed.find("Diterima oleh") != std::string::npos, g_printed);
    BOOST_TEST(g_printed.find("Admin Kimonet") != std::string::npos, g_printed);
    BOOST_TEST(g_printed.find(" WIB") != std::string::npos, g_printed);
    BOOST_TEST(g_printed.find("Kimonet Net") != std::string::npos, "issued in the ISP's name: " << g_printed);
}

BOOST_AUTO_TEST_CASE(isolate_brings_the_reason_field_and_restore_restores) {
    {
        ViewHarness harness("customers/42");
        open_budi(harness, {"customers.read", "invoices.read", "network.control"});
        harness.click("customer_detail.action.isolate");
        harness.settle();
        const auto reason = harness.find("customer_detail.isolate_reason");
        BOOST_TEST_REQUIRE(reason.has_value());
        BOOST_TEST((*reason)["active"].get<bool>(), "the reason field is the one being typed in");
        BOOST_TEST(harness.api().count("POST", "/api/customers/42/isolate") == 0, "nothing happens without a reason and a confirmation");
    }

    ViewHarness isolated("customers/42");
    answer_customer_world(isolated.api(), kimonet::CustomerStatus::Isolated);
    isolated.sign_in_staff({"customers.read", "invoices.read", "network.control"});
    isolated.settle();
    BOOST_TEST(!isolated.find("customer_detail.action.isolate").has_value());
    isolated.api().answer("POST", "/api/customers/42/restore", {{"success", true}, {"data", {{"result", "success"}}}});
    isolated.click("customer_detail.action.restore");
    isolated.settle();
    BOOST_TEST(isolated.api().count("POST", "/api/customers/42/restore") == 1);
}

BOOST_AUTO_TEST_CASE(a_90_character_name_in_the_header_ends_in_an_ellipsis_before_the_user) {
    const std::string name = "Raden Mas Bagus Hadiningrat Suryokusumo Wiryodiningrat Prawirodirdjo Tjokroaminoto Sastro";
    for (const float width : {1280.f, 390.f}) {
        ViewHarness harness("customers/42");
        kimonet::testing::set_canvas_width(width);
        answer_customer_world(harness.api(), kimonet::CustomerStatus::Active, name);
        harness.sign_in_staff({"customers.read", "invoices.read"});
        harness.settle();
        const auto title = harness.find("header.title");
        BOOST_TEST_REQUIRE(title.has_value());
        const std::string shown = title->value("value", "");
        BOOST_TEST(shown.ends_with("…"), shown);
        BOOST_TEST(shown.starts_with("Raden Mas"), shown);
        const float title_right = (*title)["rect"]["x"].get<float>() + (*title)["rect"]["w"].get<float>();
        // Desktop: the user's name and role; phone: "Keluar" (the language buttons are in the menu).
        const auto next = harness.find(width > 1000 ? "header.user" : "shell.logout");
        BOOST_TEST_REQUIRE(next.has_value());
        BOOST_TEST(title_right < (*next)["rect"]["x"].get<float>(), width << " px: title ends at " << title_right);
    }
}

BOOST_AUTO_TEST_CASE(a_report_tab_and_range_are_in_the_address) {
    ViewHarness harness("reports/billing/2025-10/2026-01");
    harness.sign_in_staff({"reports.read"}, "finance");
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/reports/billing") >= 1);
    BOOST_TEST(written_route() == "reports/billing/2025-10/2026-01");
}

BOOST_AUTO_TEST_SUITE_END()
