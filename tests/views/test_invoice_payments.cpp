// The cashier at the invoice modal, headless: what was typed is read back before saving ("100rb"
// is Rp 100.000, a partial payment), an amount other than what is owed is saved only after the
// server's question is answered (Enter in the amount saves as the button does), "750" is refused in
// words, each payment offers its receipt and — only to the roles that may — void and correct, and the
// printed slip names who received the money. The server's answers are the JSON its own
// serialisers write (api::to_json).
#include <boost/test/unit_test.hpp>

#include "api/billing_dto.hpp"
#include "imgui.h"
#include "view_harness.hpp"
#include "widgets/print_view.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;
namespace payments = kimonet::payments;

namespace {

constexpr kimonet::UtcOffset kJakarta{7 * 60};

kimonet::billing::Invoice invoice(kimonet::Money total, kimonet::Money paid) {
    kimonet::billing::Invoice invoice;
    invoice.id = 7;
    invoice.invoice_no = "INV-202601-0007";
    invoice.customer_id = 3;
    invoice.period = {2026, 1};
    invoice.issue_date = {2026, 1, 1};
    invoice.due_date = {2026, 1, 10};
    invoice.totals = {total, 0, total};
    invoice.paid_amount = paid;
    invoice.status = kimonet::billing::status_for(total, paid);
    return invoice;
}

payments::Payment payment(std::int64_t id, payments::PaymentMethod method, std::string recorded_by) {
    payments::Payment payment;
    payment.id = id;
    payment.invoice_id = 7;
    payment.customer_id = 3;
    payment.amount = 50000;
    payment.applied_amount = 50000;
    payment.method = method;
    payment.paid_at = 1768444200;
    payment.receipt_no = "RCP-202601-000" + std::to_string(id);
    payment.recorded_by = std::move(recorded_by);
    return payment;
}

// Opens #/invoices/7 signed in with `permissions`, the invoice answering with `paid` and `paid_with`.
void open_invoice(ViewHarness& harness, const std::vector<std::string>& permissions, kimonet::Money paid,
                  const std::vector<payments::Payment>& paid_with = {}) {
    api::InvoiceResource resource{invoice(166500, paid), false, "Siti Aminah", "CUST003"};
    for (const auto& each : paid_with) resource.payments.push_back(api::PaymentResource{each, kJakarta});
    harness.api().answer("GET", "/api/invoices/7", {{"success", true}, {"data", api::to_json(resource)}});
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

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_payments)

BOOST_AUTO_TEST_CASE(a_typed_amount_is_read_back_and_a_partial_one_is_saved_only_once_confirmed) {
    ViewHarness harness("invoices/7");
    open_invoice(harness, {"invoices.read", "payments.create", "payments.read"}, 0);
    harness.click("invoice.pay");
    harness.settle();
    BOOST_TEST(harness.value("payment_form.amount") == "166.500", "prefilled with what is owed");
    BOOST_TEST(harness.value("payment_form.reading") == "Dibaca: Rp 166.500 — tagihan lunas");

    harness.click("payment_form.amount");
    harness.select_all();
    harness.type("100rb");
    BOOST_TEST(harness.value("payment_form.amount") == "100rb", "letters are allowed: cashiers type 100rb");
    BOOST_TEST(harness.value("payment_form.reading") == "Dibaca: Rp 100.000 — bayar sebagian, sisa Rp 66.500");

    harness.api().answer_error("POST", "/api/payments", 409, "conflict",
                               "Jumlah berbeda dari sisa tagihan: sisa tagihan Rp 166.500, dibayar Rp 100.000: bayar sebagian, sisa Rp 66.500",
                               {{"confirm", "partial"}});
    harness.click("invoice.panel.submit");
    harness.settle();
    Json first = last_body(harness, "/api/payments");
    BOOST_TEST(first["amount"] == "100rb", "the text goes as typed: the server reads it with the same rules");
    BOOST_TEST(!first.contains("confirm"), "nothing is confirmed before the cashier was asked");
    BOOST_TEST(harness.label("invoice.panel.submit") == "Ya, catat sebagai bayar sebagian");
    BOOST_TEST(harness.value("invoice.error") == "Sisa tagihan Rp 166.500, dibayar Rp 100.000: bayar sebagian, sisa Rp 66.500. Benar?",
               "the question says what will happen");

    Json recorded = api::to_json(api::PaymentResource{payment(9, payments::PaymentMethod::Cash, "admin"), kJakarta});
    harness.api().answer("POST", "/api/payments", {{"success", true}, {"data", recorded}, {"receipt_no", "RCP-202601-0009"}}, 201);
    harness.click("invoice.panel.submit");
    harness.settle();
    const Json confirmed = last_body(harness, "/api/payments");
    BOOST_TEST(confirmed["confirm"] == "partial");
    BOOST_TEST(confirmed["idempotency_key"].get<std::string>().size() == 36u, "app- and 128 random bits");
    BOOST_TEST(confirmed["idempotency_key"] == first["idempotency_key"], "the confirmed request is the same payment");
    BOOST_TEST(harness.value("invoice.notice") == "Pembayaran tercatat. No. kuitansi RCP-202601-0009.");
}

// A cashier types the amount and presses Enter: the payment is saved as the button saves it (an
// amount other than what is owed is asked about first, the same way).
BOOST_AUTO_TEST_CASE(enter_in_the_amount_saves_the_payment) {
    ViewHarness harness("invoices/7");
    open_invoice(harness, {"invoices.read", "payments.create", "payments.read"}, 0);
    harness.click("invoice.pay");
    harness.settle();
    harness.click("payment_form.amount");
    Json recorded = api::to_json(api::PaymentResource{payment(9, payments::PaymentMethod::Cash, "admin"), kJakarta});
    harness.api().answer("POST", "/api/payments", {{"success", true}, {"data", recorded}, {"receipt_no", "RCP-202601-0009"}}, 201);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = 13;  // the null backend maps no keys
    io.KeysDown[13] = true;
    harness.frames(1);
    io.KeysDown[13] = false;
    harness.settle();
    BOOST_TEST(harness.api().count("POST", "/api/payments") == 1, "Enter saved it, once");
    BOOST_TEST(last_body(harness, "/api/payments")["amount"] == "166.500");
    BOOST_TEST(harness.value("invoice.notice") == "Pembayaran tercatat. No. kuitansi RCP-202601-0009.");
}

// The slip (handed to the customer) names who received the money only when it is the printing
// cashier, by name (print_receipt_prints_the_last_payment_as_a_58_mm_slip): never another cashier's
// login name (half of a staff sign-in), and nobody for a gateway's (its method says how it came).
BOOST_AUTO_TEST_CASE(the_receipt_names_who_received_the_money) {
    static std::string printed;
    kimonet::print_view::install_page_sink({nullptr, [](const std::string& json) { printed = json; }});
    {
        ViewHarness harness("invoices/7");
        open_invoice(harness, {"invoices.read", "payments.read"}, 50000, {payment(6, payments::PaymentMethod::Cash, "kasir2")});
        harness.click("invoice.print_receipt");
        BOOST_TEST(!printed.empty());
        BOOST_TEST(printed.find("Diterima oleh") == std::string::npos, printed);
        BOOST_TEST(printed.find("kasir2") == std::string::npos, printed);
    }
    printed.clear();
    {
        ViewHarness harness("invoices/7");
        open_invoice(harness, {"invoices.read", "payments.read"}, 50000, {payment(5, payments::PaymentMethod::Gateway, "gateway:midtrans")});
        harness.click("invoice.print_receipt");
        BOOST_TEST(!printed.empty());
        BOOST_TEST(printed.find("Diterima oleh") == std::string::npos, printed);
    }
    kimonet::print_view::install_page_sink({});
}

BOOST_AUTO_TEST_CASE(changing_the_amount_after_the_question_asks_again) {
    ViewHarness harness("invoices/7");
    open_invoice(harness, {"invoices.read", "payments.create", "payments.read"}, 0);
    harness.click("invoice.pay");
    harness.settle();
    harness.click("payment_form.amount");
    harness.select_all();
    harness.type("100rb");
    harness.api().answer_error("POST", "/api/payments", 409, "conflict", "bayar sebagian", {{"confirm", "partial"}});
    harness.click("invoice.panel.submit");
    harness.settle();
    BOOST_TEST(harness.label("invoice.panel.submit") == "Ya, catat sebagai bayar sebagian");
    harness.click("payment_form.amount");
    harness.type("0");  // now 100rb0: another amount
    BOOST_TEST(harness.label("invoice.panel.submit") == "Simpan pembayaran", "a confirmation covers only the amount it was asked for");
}

BOOST_AUTO_TEST_CASE(seven_hundred_fifty_for_a_bill_in_thousands_is_refused_in_words) {
    ViewHarness harness("invoices/7");
    open_invoice(harness, {"invoices.read", "payments.create", "payments.read"}, 0);
    harness.click("invoice.pay");
    harness.settle();
    harness.click("payment_form.amount");
    harness.select_all();
    harness.type("750");
    BOOST_TEST(harness.value("payment_form.reading").find("maksudnya ribuan") != std::string::npos, harness.value("payment_form.reading"));
}

BOOST_AUTO_TEST_CASE(each_payment_offers_its_receipt_and_void_or_correct_only_to_whom_may) {
    const std::vector<payments::Payment> paid_with = {payment(4, payments::PaymentMethod::Cash, "admin"),
                                                      payment(5, payments::PaymentMethod::Gateway, "system"),
                                                      payment(6, payments::PaymentMethod::Cash, "kasir2")};
    {
        ViewHarness reader("invoices/7");
        open_invoice(reader, {"invoices.read", "payments.read"}, 150000, paid_with);
        BOOST_TEST(reader.find("invoice.payments.0.receipt_pdf").has_value(), "every reader gets the receipt");
        BOOST_TEST(reader.find_prefix("invoice.payments.0.void").empty(), "no void without payments.void");
    }
    {
        ViewHarness cashier("invoices/7");
        open_invoice(cashier, {"invoices.read", "payments.read", "payments.void"}, 150000, paid_with);
        BOOST_TEST(cashier.find("invoice.payments.0.void").has_value(), "own cash payment: void");
        BOOST_TEST(cashier.find("invoice.payments.0.correct").has_value(), "own cash payment: correct");
        BOOST_TEST(!cashier.find("invoice.payments.1.void").has_value(), "a gateway payment needs payments.void_any");
        BOOST_TEST(!cashier.find("invoice.payments.2.void").has_value(), "another cashier's payment needs payments.void_any");
    }
    ViewHarness owner("invoices/7");
    open_invoice(owner, {"invoices.read", "payments.read", "payments.void", "payments.void_any"}, 150000, paid_with);
    BOOST_TEST(owner.find("invoice.payments.1.void").has_value());
    BOOST_TEST(!owner.find("invoice.payments.1.correct").has_value(), "a gateway payment is refunded, never corrected");
    BOOST_TEST(owner.find("invoice.payments.2.correct").has_value());
}

BOOST_AUTO_TEST_CASE(voiding_asks_a_reason_and_a_voided_payment_says_batal) {
    ViewHarness harness("invoices/7");
    auto cash = payment(4, payments::PaymentMethod::Cash, "admin");
    open_invoice(harness, {"invoices.read", "payments.read", "payments.void"}, 50000, {cash});
    harness.click("invoice.payments.0.void");
    harness.settle();
    BOOST_TEST(harness.label("invoice.panel.title") == "Batalkan pembayaran RCP-202601-0004");
    harness.click("payment_void.reason");
    harness.type("salah ketik");

    auto voided = cash;
    voided.voided_at = 1768450000;
    voided.voided_by = "admin";
    voided.void_reason = "salah ketik";
    api::InvoiceResource after{invoice(166500, 0), false, "Siti Aminah", "CUST003"};
    after.payments.push_back(api::PaymentResource{voided, kJakarta});
    harness.api().answer("POST", "/api/payments/4/void", {{"success", true}, {"data", api::to_json(api::PaymentResource{voided, kJakarta})}});
    harness.api().answer("GET", "/api/invoices/7", {{"success", true}, {"data", api::to_json(after)}});
    harness.click("invoice.panel.submit");
    harness.settle();
    BOOST_TEST(last_body(harness, "/api/payments/4/void")["reason"] == "salah ketik");
    BOOST_TEST(harness.value("invoice.notice") == "Pembayaran RCP-202601-0004 dibatalkan. Tagihan kembali menunggu pembayaran.");
    BOOST_TEST(harness.value("invoice.payments.0.voided") == "BATAL oleh admin: salah ketik");
    BOOST_TEST(!harness.find("invoice.payments.0.void").has_value(), "a voided payment cannot be voided again");
    BOOST_TEST(harness.find("invoice.payments.0.receipt_pdf").has_value(), "its receipt (marked BATAL) stays available");
}

BOOST_AUTO_TEST_CASE(a_correction_reads_the_new_amount_against_what_is_owed_without_the_old_payment) {
    ViewHarness harness("invoices/7");
    auto cash = payment(4, payments::PaymentMethod::Cash, "admin");  // Rp 50.000 typed for Rp 166.500
    open_invoice(harness, {"invoices.read", "payments.read", "payments.void"}, 50000, {cash});
    harness.click("invoice.payments.0.correct");
    harness.settle();
    BOOST_TEST(harness.label("invoice.panel.title") == "Koreksi pembayaran RCP-202601-0004");
    BOOST_TEST(harness.value("payment_correct.amount") == "50.000", "starts from the amount being corrected");
    BOOST_TEST(harness.value("payment_correct.reading") == "Dibaca: Rp 50.000 — bayar sebagian, sisa Rp 116.500");
    harness.click("payment_correct.amount");
    harness.select_all();
    harness.type("166.500");
    BOOST_TEST(harness.value("payment_correct.reading") == "Dibaca: Rp 166.500 — tagihan lunas");
    harness.click("payment_correct.reason");
    harness.type("kurang ketik 116.500");

    auto replacement = payment(8, payments::PaymentMethod::Cash, "admin");
    replacement.amount = replacement.applied_amount = 166500;
    Json answer = api::to_json(api::PaymentResource{cash, kJakarta});
    answer["correction"] = api::to_json(api::PaymentResource{replacement, kJakarta});
    harness.api().answer("POST", "/api/payments/4/correct", {{"success", true}, {"data", answer}}, 201);
    harness.click("invoice.panel.submit");
    harness.settle();
    const Json sent = last_body(harness, "/api/payments/4/correct");
    BOOST_TEST(sent["amount"] == "166.500");
    BOOST_TEST(sent["reason"] == "kurang ketik 116.500");
    BOOST_TEST(harness.value("invoice.notice") == "Pembayaran RCP-202601-0004 dikoreksi. Kuitansi baru RCP-202601-0008.");
}

BOOST_AUTO_TEST_SUITE_END()
