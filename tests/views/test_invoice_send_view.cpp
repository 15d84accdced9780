// "Send this invoice" in the invoice modal, headless (issue 22): the Kirim button only for roles with
// invoices.send, the panel's channel and recipient go to the server with one idempotency key per
// thing meant, the server's field error shows at the field, and the send log lists who sent what.
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "customer_world.hpp"
#include "imgui.h"
#include "view_harness.hpp"

using kimonet::api::Json;
using kimonet::testing::answer_customer_world;
using kimonet::testing::ViewHarness;

namespace {

void open_invoice_seven(ViewHarness& harness, const std::vector<std::string>& permissions, const std::string& role) {
    answer_customer_world(harness.api());
    harness.sign_in_staff(permissions, role);
    harness.settle();
}

std::vector<Json> posted(ViewHarness& harness, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == "POST" && sent.path == path) out.push_back(Json::parse(sent.body));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_send_view)

BOOST_AUTO_TEST_CASE(finance_sends_by_email_to_a_typed_address_and_sees_the_log) {
    ViewHarness harness("invoices/7");
    open_invoice_seven(harness, {"invoices.read", "invoices.send", "payments.read"}, "finance");
    BOOST_TEST(harness.label("invoice.send.1") == "15 Januari 2026 10:00 · finance · email ke budi@example.id · sent",
               harness.label("invoice.send.1"));
    BOOST_TEST_REQUIRE(harness.find("invoice.send").has_value());
    harness.click("invoice.send");
    harness.settle();
    BOOST_TEST(harness.label("invoice.panel.title") == "Kirim tagihan");
    harness.click("invoice_send_form.channel");
    harness.frames(2);
    harness.click("invoice_send_form.channel.option.1");
    harness.frames(2);
    BOOST_TEST(harness.label("invoice_send_form.hint") == "Lewat email tagihan dikirim dengan PDF terlampir.");
    harness.click("invoice_send_form.to");
    harness.type("ani@example.id, x@y.id");

    harness.api().answer_error("POST", "/api/invoices/7/send", 422, "validation_failed", "Data tidak valid",
                               {{"to", "tidak boleh berisi baris baru"}});
    harness.click("invoice.panel.submit");
    harness.settle();
    BOOST_TEST(harness.find("invoice.error").has_value(), "the refusal is said");
    BOOST_TEST(harness.find("invoice_send_form.channel").has_value(), "the panel stays open to fix the address");

    harness.click("invoice_send_form.to");
    harness.select_all();
    harness.type("ani@example.id");
    harness.api().answer("POST", "/api/invoices/7/send",
                         {{"success", true}, {"data", {{"id", 2}, {"to", "ani@example.id"}, {"channel", "email"}, {"outcome", "queued"}}}},
                         201);
    harness.click("invoice.panel.submit");
    harness.settle();
    const auto sent = posted(harness, "/api/invoices/7/send");
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(sent[1]["channel"] == "email");
    BOOST_TEST(sent[1]["to"] == "ani@example.id");
    BOOST_TEST(sent[1]["idempotency_key"].get<std::string>().size() == 36u);
    BOOST_TEST(sent[1]["idempotency_key"] != sent[0]["idempotency_key"], "another recipient is another send");
    BOOST_TEST(harness.value("invoice.notice") == "Tagihan masuk antrean kirim ke ani@example.id");
}

BOOST_AUTO_TEST_CASE(whatsapp_to_the_customer_sends_no_recipient_and_readers_get_no_button) {
    {
        ViewHarness harness("invoices/7");
        open_invoice_seven(harness, {"invoices.read", "invoices.send"}, "admin");
        harness.click("invoice.send");
        harness.settle();
        harness.api().answer("POST", "/api/invoices/7/send",
                             {{"success", true}, {"data", {{"id", 3}, {"to", "6281234567890"}, {"channel", "whatsapp"}}}}, 201);
        harness.click("invoice.panel.submit");
        harness.settle();
        const auto sent = posted(harness, "/api/invoices/7/send");
        BOOST_TEST_REQUIRE(sent.size() == 1u);
        BOOST_TEST(sent[0]["channel"] == "whatsapp");
        BOOST_TEST(!sent[0].contains("to"), "empty: the customer's own number");
    }
    ViewHarness technician("invoices/7");
    open_invoice_seven(technician, {"invoices.read", "customers.read"}, "technician");
    BOOST_TEST(technician.find("invoice.pdf").has_value(), "the invoice is open");
    BOOST_TEST(!technician.find("invoice.send").has_value(), "no Kirim without invoices.send");
}

BOOST_AUTO_TEST_CASE(the_customer_form_saves_a_changed_channel_preference_after_the_customer) {
    ViewHarness harness("customers/42/edit");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff({"customers.read", "customers.update", "packages.read", "routers.read"}, "admin");
    harness.settle();
    BOOST_TEST(harness.value("customer_form.channel") == "Otomatis (WhatsApp bila ada nomor)");
    // The field is the form's last: scroll the form down to it, as a user would.
    harness.click("customer_form.name");
    ImGui::GetIO().MouseWheel = -40.f;
    harness.frames(2);
    harness.click("customer_form.channel");
    harness.frames(2);
    harness.click("customer_form.channel.option.3");
    harness.frames(2);
    kimonet::Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = "Budi Santoso";
    budi.phone = "6281234567890";
    budi.package_id = 1;
    budi.join_date = {2025, 3, 14};
    harness.api().answer("PUT", "/api/customers/42", {{"success", true}, {"data", kimonet::api::to_json(budi)}});
    harness.api().answer("PUT", "/api/customers/42/channel", {{"success", true}, {"data", {{"channel_preference", "both"}}}});
    harness.click("customer_form.save");
    harness.settle();
    BOOST_TEST(harness.api().count("PUT", "/api/customers/42") >= 1);
    std::vector<Json> channel;
    for (const auto& sent : harness.api().sent())
        if (sent.method == "PUT" && sent.path == "/api/customers/42/channel") channel.push_back(Json::parse(sent.body));
    BOOST_TEST_REQUIRE(channel.size() == 1u);
    BOOST_TEST(channel[0]["channel_preference"] == "both");
    BOOST_TEST(!harness.find("customer_form.channel").has_value(), "the form closed once both were saved");
}

BOOST_AUTO_TEST_SUITE_END()
