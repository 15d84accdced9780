// The customer portal, headless (issue 18, "the customer sees the truth"): a customer's login asks
// only for what a customer may read (no error toast); "Bayar online" lists each method once, with
// its fee and no gateway name, shows a QRIS payment as a QR image, a checkout link to tap, and a
// payment still pending when the customer comes back; the home screen after paying says "Lunas"
// and shows the next bill as information, the isolation date in red only for a late bill; the
// phone reads as Indonesians write it. The headless clock is 5 December 2025.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/billing_dto.hpp"
#include "api/dto.hpp"
#include "headless_platform.hpp"
#include "text_layer.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;
namespace billing = kimonet::billing;

namespace {

Json invoice_row(std::int64_t id, kimonet::Period period, kimonet::Date due, kimonet::Money total, kimonet::Money paid, bool overdue) {
    billing::Invoice invoice;
    invoice.id = id;
    invoice.invoice_no = "INV-" + std::to_string(period.year) + (period.month < 10 ? "0" : "") + std::to_string(period.month) + "-0001";
    invoice.customer_id = 7;
    invoice.period = period;
    invoice.issue_date = {period.year, period.month, 1};
    invoice.due_date = due;
    invoice.totals = {total, 0, total};
    invoice.paid_amount = paid;
    invoice.status = billing::status_for(total, paid);
    api::InvoiceResource listed{invoice, overdue, "Budi Santoso", "CUST001"};
    listed.detail = false;
    return api::to_json(listed);
}

Json list(const Json& rows) { return {{"success", true}, {"data", rows}, {"total", rows.size()}}; }

// What a customer's portal reads at login, answered as the server does.
void answer_portal(ViewHarness& harness, Json invoices, const std::string& isolation_date = {}) {
    kimonet::Customer customer;
    customer.id = 7;
    customer.service_number = "CUST001";
    customer.name = "Budi Santoso";
    customer.phone = "6281210023757";
    customer.package_id = 2;
    customer.join_date = {2025, 3, 14};
    kimonet::Package package;
    package.id = 2;
    package.name = "Home 20";
    harness.api().answer("GET", "/api/portal/me", {{"customer", api::to_json(customer)}, {"package", api::to_json(package)}});
    harness.api().answer("GET", "/api/portal/invoices", list(invoices));
    harness.api().answer("GET", "/api/portal/dunning",
                         {{"success", true}, {"data", {{"isolation_date", isolation_date.empty() ? Json(nullptr) : Json(isolation_date)}}}});
    harness.api().answer("GET", "/api/me", {{"user", {{"id", 50}, {"username", "CUST001"}, {"role", "customer"}}}});
    harness.api().answer("GET", "/api/portal/jobs", {{"success", true}, {"data", Json::array()}});  // no technician visit scheduled
    harness.api().answer("GET", "/api/portal/channel", {{"success", true}, {"data", {{"channel_preference", ""}}}});  // issue 22
}

// GET /api/payment-methods (no ?gateway): one entry per method, as the server merges them.
Json methods() {
    return {{"success", true},
            {"data",
             {{{"code", "bni_va"}, {"name", "BNI Virtual Account"}, {"type", "virtual_account"}, {"fee", 3000}, {"gateway", "duitku"}},
              {{"code", "qris"}, {"name", "QRIS"}, {"type", "qris"}, {"fee", 0}, {"gateway", "flip"}},
              {{"code", "alfamart"}, {"name", "Alfamart"}, {"type", "retail"}, {"fee", 2500}, {"gateway", "duitku"}}}}};
}

Json qr_payment() {
    return {{"order_id", "FLIP-INV-1"},
            {"payment_code", ""},
            {"payment_url", "https://pay.example.test/checkout/1"},
            {"qr_string", "00020101021226ABCDEF"},
            {"expires_at", "2025-12-05 09:00:00"},
            // The server's words (format_moment_indonesian in its time zone, here WITA): shown as they are.
            {"expires_text", "5 Desember 2025 pukul 10.00 WITA"},
            {"amount", 200000},
            {"qr", {{"size", 21}, {"rows", Json(std::vector<std::string>(21, std::string(10, '1') + std::string(11, '0')))}}}};
}

void no_pending(ViewHarness& harness) { harness.api().answer("GET", "/api/portal/payments/pending", {{"success", true}, {"data", Json::array()}}); }

}  // namespace

BOOST_AUTO_TEST_SUITE(portal)

BOOST_AUTO_TEST_CASE(a_customer_login_asks_only_for_the_portal_and_shows_no_error_toast) {
    ViewHarness harness;
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    harness.sign_in_customer(7);
    harness.settle();
    for (const auto& request : harness.api().sent())
        BOOST_TEST((request.path.starts_with("/api/portal/") || request.path == "/api/me"), request.method << " " << request.path);
    BOOST_TEST(harness.api().unanswered().empty());
    BOOST_TEST(harness.values("toast.error").empty());
    BOOST_TEST(harness.value("home.bill.total") == "Rp 200.000");
}

// An unpaid bill is paid from where the customer sees it: "Bayar sekarang" on the home card opens
// the pay screen with that bill (before, paying was only under the menu). A paid one offers none.
BOOST_AUTO_TEST_CASE(the_home_bill_card_has_a_pay_button_that_opens_the_pay_screen_with_that_bill) {
    ViewHarness harness;
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    harness.api().answer("GET", "/api/payment-methods", methods());
    no_pending(harness);
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("home.bill.pay").has_value());
    harness.click("home.bill.pay");
    harness.settle();
    BOOST_TEST(harness.find("portal_pay.method.qris").has_value());
    BOOST_TEST(!harness.find("home.bill.pay").has_value());
}

// A customer on a 360 px phone reads which screen this is in full ("Portal pel…" beside Menu, ID,
// EN and Keluar); the language buttons are in the menu.
BOOST_AUTO_TEST_CASE(on_a_360_px_phone_the_header_names_the_screen_whole) {
    ViewHarness harness;
    kimonet::testing::set_canvas_width(360);
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    no_pending(harness);
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.value("header.title") == "Portal pelanggan");
    harness.click("shell.menu");
    harness.settle();
    BOOST_TEST(harness.find("lang.en").has_value(), "the language is chosen in the menu");
}

BOOST_AUTO_TEST_CASE(methods_are_listed_once_with_their_fee_and_no_gateway_name) {
    ViewHarness harness;
    kimonet::testing::set_canvas_width(390);
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    harness.api().answer("GET", "/api/payment-methods", methods());
    no_pending(harness);
    harness.sign_in_customer(7);
    harness.app().navigate(kimonet::Screen::PortalPay);
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/payment-methods") == 1, "one request, not one per gateway");
    BOOST_TEST(harness.api().count("GET", "/api/payment-methods?gateway") == 0);
    BOOST_TEST(harness.find_prefix("portal_pay.method.").size() == 3u);
    BOOST_TEST(harness.label("portal_pay.method.bni_va") == "BNI Virtual Account · biaya Rp 3.000");
    BOOST_TEST(harness.label("portal_pay.method.qris") == "QRIS · tanpa biaya");
    for (const auto& method : harness.find_prefix("portal_pay.method.")) {
        const std::string label = method["label"];
        for (const char* gateway : {"Flip", "Midtrans", "Duitku", "flip", "duitku"})
            BOOST_TEST(label.find(gateway) == std::string::npos, label);
    }
    kimonet::testing::set_canvas_width(1280);
}

BOOST_AUTO_TEST_CASE(paying_by_qris_shows_the_qr_image_and_a_link_to_tap) {
    ViewHarness harness;
    kimonet::testing::set_canvas_width(390);
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    harness.api().answer("GET", "/api/payment-methods", methods());
    no_pending(harness);
    harness.api().answer("POST", "/billing/pay", qr_payment(), 201);
    harness.sign_in_customer(7);
    harness.app().navigate(kimonet::Screen::PortalPay);
    harness.settle();
    harness.click("portal_pay.method.qris");
    harness.click("portal_pay.submit");
    harness.settle();
    const auto& sent = harness.api().sent();
    const auto pay = std::find_if(sent.begin(), sent.end(), [](const auto& request) { return request.path == "/billing/pay"; });
    BOOST_TEST_REQUIRE((pay != sent.end()));
    BOOST_TEST(Json::parse(pay->body) == (Json{{"invoice_id", 1}, {"gateway", "flip"}, {"method", "qris"}}));
    const auto image = harness.find("portal_pay.qr.image");
    BOOST_TEST_REQUIRE(image.has_value());
    BOOST_TEST((*image)["kind"] == "qr");
    BOOST_TEST((*image)["value"] == "21");
    BOOST_TEST(harness.value("portal_pay.qr") == "00020101021226ABCDEF");
    harness.click("portal_pay.url.open");
    BOOST_TEST(kimonet::testing::opened_urls() == (std::vector<std::string>{"https://pay.example.test/checkout/1"}));
    kimonet::testing::set_canvas_width(1280);
}

BOOST_AUTO_TEST_CASE(a_pending_payment_is_shown_again_instead_of_a_new_one) {
    ViewHarness harness;
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    harness.api().answer("GET", "/api/payment-methods", methods());
    Json pending = qr_payment();
    pending["payment_code"] = "8808123456";
    pending["invoice_id"] = 1;
    pending["invoice_no"] = "INV-202512-0001";
    harness.api().answer("GET", "/api/portal/payments/pending", {{"success", true}, {"data", Json::array({pending})}});
    harness.api().answer("GET", "/billing/status/FLIP-INV-1", {{"status", "pending"}, {"invoice_status", "unpaid"}});
    harness.sign_in_customer(7);
    harness.app().navigate(kimonet::Screen::PortalPay);
    harness.settle();
    BOOST_TEST(harness.value("portal_pay.code") == "8808123456");
    BOOST_TEST(harness.find("portal_pay.resumed").has_value());
    BOOST_TEST(harness.find("portal_pay.qr.image").has_value());
    BOOST_TEST(harness.value("portal_pay.expires") == "Berlaku sampai 5 Desember 2025 pukul 10.00 WITA");
    BOOST_TEST(harness.api().count("POST", "/billing/pay") == 0, "no second charge");
    // It is polled like a payment made just now.
    BOOST_TEST(kimonet::testing::run_timers() >= 1);
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/billing/status/FLIP-INV-1") == 1);
}

BOOST_AUTO_TEST_CASE(after_paying_the_home_says_lunas_and_the_next_bill_is_information_not_a_red_warning) {
    ViewHarness harness;
    answer_portal(harness,
                  Json::array({invoice_row(2, {2026, 1}, {2026, 1, 10}, 200000, 0, false), invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 200000, false)}),
                  "2026-01-17");
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.value("home.bill.period") == "Desember 2025 · INV-202512-0001");
    BOOST_TEST(harness.value("home.bill.status") == "Lunas");
    BOOST_TEST(harness.find("home.bill.paid").has_value());
    BOOST_TEST(!harness.find("home.bill.pay").has_value(), "nothing to pay on a paid bill");
    BOOST_TEST(!harness.find("home.bill.isolation").has_value(), "no isolation warning for a bill not due yet");
    BOOST_TEST(harness.value("home.bill.next") == "Tagihan berikutnya: Januari 2026 · Rp 200.000 · jatuh tempo 10 Januari 2026");
    BOOST_TEST(harness.value("profile.phone") == "0812-1002-3757");
}

BOOST_AUTO_TEST_CASE(a_late_bill_still_shows_the_isolation_date) {
    ViewHarness harness;
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 1}, 200000, 0, true)}), "2025-12-08");
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.value("home.bill.isolation") == "Layanan Anda akan diisolir pada 8 Desember 2025");
    BOOST_TEST(!harness.find("home.bill.next").has_value());
}

// "Janji bayar" under a late bill: the button names the date the server offers, pressing it posts
// the promise for that invoice (nothing else in the body), and the answer shows the promise.
BOOST_AUTO_TEST_CASE(a_late_bill_offers_janji_bayar_with_its_date_and_then_shows_the_promise) {
    ViewHarness harness;
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 1}, 200000, 0, true)}), "2025-12-08");
    const Json offer = {{"active", nullptr}, {"available", true}, {"invoice_id", 1}, {"until", "2025-12-08"}, {"until_text", "8 Desember 2025"}};
    harness.api().answer("GET", "/api/portal/dunning", {{"success", true}, {"data", {{"isolation_date", "2025-12-06"}, {"promise", offer}}}});
    harness.api().answer("POST", "/api/portal/invoices/1/promise", {{"success", true}, {"data", {{"promised_until", "2025-12-08"}}}, {"created", true}}, 201);
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.label("home.promise") == "Janji bayar sampai 8 Desember 2025");
    const Json held = {{"active", {{"promised_until", "2025-12-08"}}}, {"available", false}};
    harness.api().answer("GET", "/api/portal/dunning", {{"success", true}, {"data", {{"isolation_date", "2025-12-09"}, {"promise", held}}}});
    harness.click("home.promise");
    harness.settle();
    const auto& sent = harness.api().sent();
    const auto post = std::find_if(sent.begin(), sent.end(), [](const auto& request) { return request.method == "POST"; });
    BOOST_TEST_REQUIRE((post != sent.end()));
    BOOST_TEST(post->path == "/api/portal/invoices/1/promise");
    BOOST_TEST(api::parse_json(post->body) == Json::object());
    BOOST_TEST(harness.value("home.promise.active") == "Janji bayar Anda berlaku sampai 8 Desember 2025.");
    BOOST_TEST(!harness.find("home.promise").has_value());
}

BOOST_AUTO_TEST_CASE(of_two_bills_this_month_the_open_one_is_shown_with_its_isolation_date_as_information) {
    ViewHarness harness;
    Json open = invoice_row(3, {2025, 12}, {2025, 12, 10}, 150000, 0, false);
    open["invoice_no"] = "INV-202512-0003";
    answer_portal(harness, Json::array({open, invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 200000, false)}), "2025-12-17");
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.value("home.bill.period") == "Desember 2025 · INV-202512-0003");
    BOOST_TEST(harness.value("home.bill.isolation") == "Layanan Anda akan diisolir pada 17 Desember 2025");
}

// Issue 18: the invoice open in the portal has an address (#/bills/1), so a reload, back and a link
// shared from the phone open it again; an invoice the server does not show this customer (another
// customer's id typed in) is refused with its error, without a dialog.
BOOST_AUTO_TEST_CASE(the_open_invoice_is_in_the_address) {
    ViewHarness harness("bills/1");
    const Json row = invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false);
    answer_portal(harness, Json::array({row}));
    Json detail = row;
    detail["lines"] = Json::array();
    detail["payments"] = Json::array();
    harness.api().answer("GET", "/api/portal/invoices/1", {{"success", true}, {"data", detail}});
    harness.api().answer_error("GET", "/api/portal/invoices/2", 404, "NOT_FOUND", "Tagihan tidak ditemukan");
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.find("portal_invoice.close").has_value(), "the reload opens the invoice again");
    BOOST_TEST(kimonet::testing::written_route() == "bills/1");
    harness.click("portal_invoice.close");
    harness.settle();
    BOOST_TEST(kimonet::testing::written_route() == "bills");
    kimonet::testing::change_route("bills/1");  // forward
    harness.settle();
    BOOST_TEST(harness.find("portal_invoice.close").has_value());
    kimonet::testing::change_route("bills");  // back
    harness.settle();
    BOOST_TEST(!harness.find("portal_invoice.close").has_value());
    kimonet::testing::change_route("bills/2");
    harness.settle();
    BOOST_TEST(!harness.find("portal_invoice.close").has_value());
    BOOST_TEST(harness.find("portal_invoices.error").has_value(), "the server's refusal is shown");
    BOOST_TEST(kimonet::testing::written_route() == "bills");
    kimonet::testing::change_route("bills/x");
    harness.settle();
    BOOST_TEST(!harness.values("toast.error").empty());
}

// Issue 20: a partly paid bill shows what is still open (its total below), and with a unique code
// the detail asks for the exact transfer, saying what the last digits are for.
BOOST_AUTO_TEST_CASE(a_partly_paid_bill_shows_what_is_open_and_the_exact_transfer_with_its_code) {
    ViewHarness harness("bills/1");
    kimonet::testing::set_canvas_width(390.f);
    const Json row = invoice_row(1, {2026, 1}, {2026, 1, 10}, 150000, 50000, false);
    answer_portal(harness, Json::array({row}));
    Json detail = row;
    detail["lines"] = Json::array();
    detail["payments"] = Json::array();
    detail["unique_code"] = 123;
    detail["transfer_amount"] = 100123;
    harness.api().answer("GET", "/api/portal/invoices/1", {{"success", true}, {"data", detail}});
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST(harness.value("portal_invoice.transfer_amount") == "Transfer tepat Rp 100.123");
    BOOST_TEST(harness.value("portal_invoice.transfer_amount.hint").find("kode unik Rp 123") != std::string::npos);
    harness.click("portal_invoice.close");
    harness.settle();
    BOOST_TEST(harness.value("portal_invoices.INV-202601-0001.total") == "Rp 100.000");
    BOOST_TEST(harness.value("portal_invoices.INV-202601-0001.of_total") == "sisa dari Rp 150.000");
}

// A screen reader lists a screen's buttons by name: two "Salin" (the VA number, the payment link)
// or one "Bayar sekarang" per invoice card said nothing about which is which.
BOOST_AUTO_TEST_CASE(each_button_says_what_it_acts_on_two_copy_buttons_and_the_cards_of_two_bills) {
    ViewHarness harness("bills");
    kimonet::testing::set_canvas_width(390.f);
    answer_portal(harness, Json::array({invoice_row(2, {2026, 1}, {2026, 1, 10}, 200000, 0, false),
                                        invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, true)}));
    harness.api().answer("GET", "/api/payment-methods", methods());
    no_pending(harness);
    Json va = qr_payment();
    va["payment_code"] = "8808123456";
    va["qr_string"] = "";
    va.erase("qr");
    harness.api().answer("POST", "/billing/pay", va, 201);
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("portal_invoices.INV-202512-0001.pay").has_value());
    BOOST_TEST(harness.buttons_named_alike() == std::vector<std::string>{}, "the invoices' cards");
    harness.click("portal_invoices.INV-202601-0001.pay");
    harness.settle();
    harness.click("portal_pay.method.bni_va");
    harness.click("portal_pay.submit");
    harness.settle();
    BOOST_TEST_REQUIRE(harness.value("portal_pay.code") == "8808123456");
    BOOST_TEST_REQUIRE(harness.find("portal_pay.url.copy").has_value());
    BOOST_TEST(harness.buttons_named_alike() == std::vector<std::string>{}, "the payment's copy buttons");
    kimonet::testing::set_canvas_width(1280);
}

// "Layanan Anda" lays its facts out in an ImGui table with no column headers: a screen reader
// said "table, 3 rows, 2 columns" for a card of label/value pairs. Only a table with headers (the
// customer list: test_text_layer) is handed to the page as a table; these are plain text in order.
BOOST_AUTO_TEST_CASE(the_home_cards_facts_are_text_not_a_table) {
    kimonet::text_layer::reset();
    ViewHarness harness;
    answer_portal(harness, Json::array({invoice_row(1, {2025, 12}, {2025, 12, 10}, 200000, 0, false)}));
    harness.sign_in_customer(7);
    harness.settle();
    BOOST_TEST_REQUIRE(harness.value("home.service_number") == "CUST001");
    const Json changes = Json::parse(kimonet::text_layer::changes());
    int facts = 0;
    for (const Json& entry : changes["set"]) {
        const std::string key = entry[0];
        if (!key.starts_with("home.service_number") && !key.starts_with("home.package")) continue;
        ++facts;
        BOOST_TEST(entry[9].get<std::string>().find('g') == std::string::npos, key << " sits in no table: " << entry[9]);
    }
    BOOST_TEST(facts == 4, "the two facts and their labels");
}

BOOST_AUTO_TEST_SUITE_END()
