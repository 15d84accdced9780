// Credit notes and refunds in the browser app, headless (issue 20): the invoice modal's "Buat nota
// kredit" panel (offered to credit_notes.create only, the whole rest by default, a reason, an
// Idempotency-Key; Esc leaves the panel and not the invoice), the invoice's credit notes with
// their PDFs and the credited amount in the totals, and the customer screen's "Kembalikan dana"
// dialog (offered while there is credit; Esc closes it without a request). The server's answers
// are what its own serialisers write (api::to_json).
#include <boost/test/unit_test.hpp>

#include "api/billing_dto.hpp"
#include "api/credit_note_dto.hpp"
#include "customer_world.hpp"
#include "imgui.h"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;
namespace billing = kimonet::billing;

namespace {

constexpr kimonet::UtcOffset kJakarta{7 * 60};

billing::Invoice invoice(kimonet::Money total, kimonet::Money paid) {
    billing::Invoice invoice;
    invoice.id = 7;
    invoice.invoice_no = "INV-202601-0007";
    invoice.customer_id = 3;
    invoice.period = {2026, 1};
    invoice.issue_date = {2026, 1, 1};
    invoice.due_date = {2026, 1, 10};
    invoice.totals = {total, 0, total};
    invoice.paid_amount = paid;
    invoice.status = billing::status_for(total, paid);
    return invoice;
}

billing::CreditNote note(kimonet::Money amount, kimonet::Money credit) {
    billing::CreditNote note;
    note.id = 3;
    note.credit_note_no = "NK/2026/01/0001";
    note.invoice_id = 7;
    note.invoice_no = "INV-202601-0007";
    note.customer_id = 3;
    note.figures = {amount, amount, 0, amount - credit, credit};
    note.reason = "Gangguan 10 hari";
    note.issue_date = {2026, 1, 15};
    note.created_at = 1768444200;
    note.created_by = "finance";
    return note;
}

// Opens #/invoices/7 signed in with `permissions`; the invoice carries `notes`.
void open_invoice(ViewHarness& harness, const std::vector<std::string>& permissions, kimonet::Money paid,
                  const std::vector<billing::CreditNote>& notes = {}) {
    api::InvoiceResource resource{invoice(300000, paid), false, "Siti Aminah", "CUST003"};
    Json data = api::to_json(resource);
    api::InvoiceCredit credit{notes, 0, paid};
    for (const auto& each : notes) {
        credit.credited_amount += each.figures.amount;
        credit.paid_by_payments -= each.figures.applied;
    }
    api::add_invoice_credit(data, credit, kJakarta);
    harness.api().answer("GET", "/api/invoices/7", {{"success", true}, {"data", data}});
    harness.api().answer("GET", "/api/invoices", {{"success", true}, {"data", Json::array()}, {"total", 0}});
    harness.sign_in_staff(permissions, "finance");
    harness.settle();
}

Json last_body(ViewHarness& harness, const std::string& path) {
    const auto& sent = harness.api().sent();
    for (auto each = sent.rbegin(); each != sent.rend(); ++each)
        if (each->method == "POST" && each->path == path) return Json::parse(each->body);
    return nullptr;
}

std::size_t posts(ViewHarness& harness) {
    std::size_t count = 0;
    for (const auto& request : harness.api().sent()) count += request.method == "POST";
    return count;
}

void press_escape(ViewHarness& harness) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Escape] = 27;  // the null backend maps no keys
    io.KeysDown[27] = true;
    harness.frames(1);
    io.KeysDown[27] = false;
    harness.frames(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(credit_note_screens)

BOOST_AUTO_TEST_CASE(finance_issues_a_credit_note_for_the_whole_rest_with_a_reason_and_esc_leaves_only_the_panel) {
    ViewHarness harness("invoices/7");
    open_invoice(harness, {"invoices.read", "payments.read", "credit_notes.create"}, 0);
    BOOST_TEST(harness.label("invoice.credit_note") == "Buat nota kredit");
    harness.click("invoice.credit_note");
    harness.settle();
    BOOST_TEST(harness.value("credit_note_form.hint").find("Rp 300.000") != std::string::npos, harness.value("credit_note_form.hint"));
    // Esc leaves the panel, not the invoice, and sends nothing.
    const std::size_t before = posts(harness);
    press_escape(harness);
    BOOST_TEST(!harness.find("credit_note_form.reason").has_value());
    BOOST_TEST(harness.find("invoice.credit_note").has_value(), "the invoice is still open");
    BOOST_TEST(posts(harness) == before);

    harness.click("invoice.credit_note");
    harness.settle();
    harness.click("credit_note_form.reason");
    harness.type("Layanan putus sebulan");
    Json created = api::to_json(note(300000, 0), kJakarta);
    harness.api().answer("POST", "/api/invoices/7/credit-notes", {{"success", true}, {"data", created}}, 201);
    harness.click("invoice.panel.submit");
    harness.settle();
    const Json body = last_body(harness, "/api/invoices/7/credit-notes");
    BOOST_TEST_REQUIRE(body.is_object());
    BOOST_TEST(body["full"] == true);
    BOOST_TEST(body["reason"] == "Layanan putus sebulan");
    BOOST_TEST(!body.contains("amount"));
    BOOST_TEST(body["idempotency_key"].get<std::string>().size() == 36u);
    BOOST_TEST(harness.value("invoice.notice") == "Nota kredit NK/2026/01/0001 dibuat; menjadi saldo kredit: Rp 0.");
}

BOOST_AUTO_TEST_CASE(the_invoice_shows_its_credit_notes_and_lower_roles_get_no_button) {
    ViewHarness harness("invoices/7");
    open_invoice(harness, {"invoices.read", "payments.read"}, 200000, {note(120000, 20000)});
    BOOST_TEST(!harness.find("invoice.credit_note").has_value(), "no credit_notes.create, no button");
    BOOST_TEST(harness.value("invoice.credit_note.3.number").find("NK/2026/01/0001") == 0u);
    BOOST_TEST(harness.value("invoice.credit_note.3.amount") == "Rp 120.000");
    BOOST_TEST(harness.value("invoice.credit_note.3.credit") == "Rp 20.000 menjadi saldo kredit pelanggan");
    BOOST_TEST(harness.find("invoice.credit_note.3.pdf").has_value());
    BOOST_TEST(harness.find("invoice.credited_amount").has_value());
}

BOOST_AUTO_TEST_CASE(the_customer_screen_offers_a_refund_of_the_credit_and_esc_closes_it_unsent) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    // Budi has Rp 50.000 of credit from a credit note.
    harness.api().answer("GET", "/api/customers/42/history",
                         {{"success", true},
                          {"data", {{"invoices", Json::array()},
                                    {"payments", Json::array()},
                                    {"credit_notes", Json::array({api::to_json(note(50000, 50000), kJakarta)})},
                                    {"refunds", Json::array()},
                                    {"credit_balance", 50000}}}});
    harness.sign_in_staff({"customers.read", "invoices.read", "payments.read", "refunds.create"}, "finance");
    harness.settle();
    BOOST_TEST(harness.find("customer_detail.credit_note.3.number").has_value(), "the note is on the customer's history");
    harness.click("customer_detail.action.refund");
    harness.settle();
    BOOST_TEST(harness.value("refund.amount") == "50.000", "prefilled with the balance");
    const std::size_t before = posts(harness);
    press_escape(harness);
    BOOST_TEST(!harness.find("refund.amount").has_value());
    BOOST_TEST(posts(harness) == before);

    harness.click("customer_detail.action.refund");
    harness.settle();
    harness.click("refund.reason");
    harness.type("Diambil di loket");
    billing::Refund refund{5, 42, 50000, "cash", "", "Diambil di loket", 1768444200, "finance"};
    Json answered = api::to_json(refund, kJakarta);
    answered["credit_balance"] = 0;
    harness.api().answer("POST", "/api/customers/42/refunds", {{"success", true}, {"data", answered}}, 201);
    harness.click("refund.save");
    harness.settle();
    const Json body = last_body(harness, "/api/customers/42/refunds");
    BOOST_TEST_REQUIRE(body.is_object());
    BOOST_TEST(body["amount"] == "50.000");
    BOOST_TEST(body["method"] == "cash");
    BOOST_TEST(body["reason"] == "Diambil di loket");
    BOOST_TEST(!harness.find("refund.amount").has_value(), "closed once saved");
}

BOOST_AUTO_TEST_CASE(no_refund_is_offered_without_the_permission) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    harness.api().answer("GET", "/api/customers/42/history",
                         {{"success", true}, {"data", {{"invoices", Json::array()}, {"payments", Json::array()}, {"credit_balance", 50000}}}});
    harness.sign_in_staff({"customers.read", "invoices.read", "payments.read"}, "finance");
    harness.settle();
    BOOST_TEST(!harness.find("customer_detail.action.refund").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
