// Voiding and correcting payments, from the cashier's side (issue 18): the invoice, the credit,
// dunning and the reports follow a void; a correction leaves one live payment of the right amount;
// an amount other than what is owed is recorded only when the cashier confirms what will happen.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>

#include "../dunning/dunning_fixture.hpp"
#include "billing_test_support.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

struct Cashier {
    TestServer server;
    std::string admin = server.login("superadmin");
    std::string finance = server.login("finance");

    // A manual invoice of `amount` for customer 2, due 2026-01-24.
    std::int64_t invoice(Money amount) {
        const Json body = {{"customer_id", 2}, {"due_date", "2026-01-24"},
                           {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", amount}}}}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    HttpReply pay(std::int64_t invoice_id, const Json& amount, const std::string& confirm = {}) {
        Json body = {{"invoice_id", invoice_id}, {"amount", amount}, {"method", "cash"}};
        if (!confirm.empty()) body["confirm"] = confirm;
        return server.post("/api/payments", body.dump(), finance);
    }
    std::int64_t paid(std::int64_t invoice_id, const Json& amount, const std::string& confirm = {}) {
        auto reply = pay(invoice_id, amount, confirm);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    std::string text(const std::string& sql) { return server.scalar(sql); }
    std::int64_t number(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    Json invoice_json(std::int64_t id) {
        auto reply = server.get("/api/invoices/" + std::to_string(id), finance);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(payment_voids)

BOOST_AUTO_TEST_CASE(an_amount_other_than_what_is_owed_needs_a_confirmation_that_says_what_will_happen) {
    Cashier cashier;
    const auto invoice = cashier.invoice(750000);
    const std::string before = cashier.server.snapshot();
    auto unconfirmed = cashier.pay(invoice, 75000);
    BOOST_TEST_REQUIRE(unconfirmed.status == 409, unconfirmed.body);
    const std::string message = unconfirmed.json()["error"]["message"];
    BOOST_TEST(message.find("sisa tagihan Rp 750.000, dibayar Rp 75.000: bayar sebagian, sisa Rp 675.000") != std::string::npos, message);
    BOOST_TEST(unconfirmed.json()["error"]["fields"]["confirm"] == "partial");
    // The wrong confirmation is no confirmation.
    BOOST_TEST(cashier.pay(invoice, 75000, "overpayment").status == 409);
    auto over = cashier.pay(invoice, 800000);
    BOOST_TEST_REQUIRE(over.status == 409, over.body);
    BOOST_TEST(over.json()["error"]["fields"]["confirm"] == "overpayment");
    BOOST_TEST(over.json()["error"]["message"].get<std::string>().find("kelebihan Rp 50.000 menjadi kredit") != std::string::npos);
    BOOST_TEST(cashier.server.snapshot() == before, "nothing was recorded");

    // The preview says the same before anyone presses "Simpan", for typed text too.
    auto preview = cashier.server.post("/api/payments/preview", Json{{"invoice_id", invoice}, {"amount", "75rb"}}.dump(), cashier.finance);
    BOOST_TEST_REQUIRE(preview.status == 200, preview.body);
    BOOST_TEST(preview.json()["data"]["fit"] == "partial");
    BOOST_TEST(preview.json()["data"]["remaining"] == 675000);
    BOOST_TEST(preview.json()["data"]["needs_confirmation"] == true);
    auto exact = cashier.server.post("/api/payments/preview", Json{{"invoice_id", invoice}, {"amount", "Rp 750.000"}}.dump(), cashier.finance);
    BOOST_TEST_REQUIRE(exact.status == 200, exact.body);
    BOOST_TEST(exact.json()["data"]["fit"] == "exact");
    BOOST_TEST(exact.json()["data"]["needs_confirmation"] == false);
    BOOST_TEST(cashier.server.snapshot() == before, "a preview records nothing");

    auto partial = cashier.pay(invoice, 75000, "partial");
    BOOST_TEST_REQUIRE(partial.status == 201, partial.body);
    BOOST_TEST(partial.json()["data"]["invoice"]["status"] == "partial");
    // The exact rest needs no confirmation.
    BOOST_TEST(cashier.pay(invoice, "675rb").status == 201);
    BOOST_TEST(cashier.invoice_json(invoice)["status"] == "paid");
}

BOOST_AUTO_TEST_CASE(a_typed_750_for_a_750_000_bill_is_refused_and_750rb_is_recorded) {
    Cashier cashier;
    const auto invoice = cashier.invoice(750000);
    const std::string before = cashier.server.snapshot();
    for (const char* typed : {"750", "7,5", "75.00"}) {
        auto refused = cashier.pay(invoice, typed, "partial");
        BOOST_TEST(refused.status == 422, typed << ": " << refused.body);
        BOOST_TEST(refused.json()["error"]["fields"].contains("amount"), refused.body);
    }
    BOOST_TEST(cashier.server.snapshot() == before);
    auto paid = cashier.pay(invoice, "750rb");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(paid.json()["data"]["amount"] == 750000);
    BOOST_TEST(paid.json()["data"]["invoice"]["status"] == "paid");
}

BOOST_AUTO_TEST_CASE(correcting_75_000_to_750_000_leaves_one_live_payment_of_750_000) {
    Cashier cashier;
    const auto invoice = cashier.invoice(750000);
    const auto wrong = cashier.paid(invoice, 75000, "partial");
    const std::string path = "/api/payments/" + std::to_string(wrong) + "/correct";
    // A correction to another partial amount needs its confirmation too; refused, nothing changes
    // (not even the void: both are one transaction).
    const std::string unconfirmed = cashier.server.snapshot();
    auto partial_again = cashier.server.post(path, R"({"amount":"700rb","reason":"salah ketik"})", cashier.finance);
    BOOST_TEST_REQUIRE(partial_again.status == 409, partial_again.body);
    BOOST_TEST(partial_again.json()["error"]["fields"]["confirm"] == "partial");
    BOOST_TEST(cashier.server.snapshot() == unconfirmed);
    const Json body = {{"amount", "750rb"}, {"reason", "salah ketik, kurang satu nol"}};
    auto corrected = cashier.server.post(path, body.dump(), cashier.finance);
    BOOST_TEST_REQUIRE(corrected.status == 201, corrected.body);
    const Json data = corrected.json()["data"];
    BOOST_TEST(data["voided"] == true);
    BOOST_TEST(data["void_reason"] == "salah ketik, kurang satu nol");
    BOOST_TEST(data["voided_by"] == "finance");
    BOOST_TEST(data["correction"]["amount"] == 750000);
    BOOST_TEST(data["correction"]["replaces_payment_id"] == wrong);
    BOOST_TEST(data["replaced_by_payment_id"] == data["correction"]["id"]);
    BOOST_TEST(data["invoice"]["status"] == "paid");
    BOOST_TEST(data["invoice"]["paid_amount"] == 750000);

    // One live payment of 750,000; the wrong one is kept, marked void, never deleted.
    const std::string where = " FROM payments WHERE invoice_id = " + std::to_string(invoice);
    BOOST_TEST(cashier.number("SELECT COUNT(*)" + where) == 2);
    BOOST_TEST(cashier.number("SELECT COUNT(*)" + where + " AND voided_at IS NULL") == 1);
    BOOST_TEST(cashier.number("SELECT amount" + where + " AND voided_at IS NULL") == 750000);
    const Json listed = cashier.server.get("/api/payments?invoice_id=" + std::to_string(invoice), cashier.finance).json()["data"];
    BOOST_TEST_REQUIRE(listed.size() == 2u);
    BOOST_TEST(listed[1]["voided"] == true);
    BOOST_TEST(listed[0]["voided"] == false);
    // The activity log names who and why.
    BOOST_TEST(cashier.text("SELECT actor_name FROM activity_log WHERE action = 'payment.void'") == "finance");
    BOOST_TEST(cashier.text("SELECT after_json FROM activity_log WHERE action = 'payment.void'").find("salah ketik") != std::string::npos);

    // The voided receipt says BATAL, why and what replaced it; the new one what it replaces.
    TempDir dir;
    auto voided_pdf = cashier.server.get("/api/payments/" + std::to_string(wrong) + "/pdf", cashier.finance);
    BOOST_TEST_REQUIRE(voided_pdf.status == 200, voided_pdf.body.substr(0, 300));
    const std::string voided_text = pdf_text(dir, voided_pdf.body);
    BOOST_TEST(voided_text.find("BATAL") != std::string::npos, voided_text);
    BOOST_TEST(voided_text.find("salah ketik") != std::string::npos, voided_text);
    BOOST_TEST(voided_text.find(data["correction"]["receipt_no"].get<std::string>()) != std::string::npos, voided_text);
    const std::string correction_path = "/api/payments/" + std::to_string(data["correction"]["id"].get<std::int64_t>()) + "/pdf";
    // The kuitansi goes to the customer: it names the cashier who recorded and voided as the ISP
    // named them ("Demo finance"), never by their login name ("finance", half of a sign-in).
    std::size_t login_names = 0, full_names = 0;
    for (std::size_t at = voided_text.find("finance"); at != std::string::npos; at = voided_text.find("finance", at + 1)) {
        ++login_names;
        if (at >= 5 && voided_text.compare(at - 5, 5, "Demo ") == 0) ++full_names;
    }
    BOOST_TEST(full_names == 2u, voided_text);
    BOOST_TEST(login_names == full_names, voided_text);
    const std::string live_text = pdf_text(dir, cashier.server.get(correction_path, cashier.finance).body);
    BOOST_TEST(live_text.find("BATAL") == std::string::npos, live_text);
    BOOST_TEST(live_text.find("Rp 750.000") != std::string::npos, live_text);
    BOOST_TEST(live_text.find(data["receipt_no"].get<std::string>()) != std::string::npos, live_text);

    // A replay answers with the same correction and records nothing.
    const std::string settled = cashier.server.snapshot();
    auto replay = cashier.server.post(path, body.dump(), cashier.finance);
    BOOST_TEST_REQUIRE(replay.status == 200, replay.body);
    BOOST_TEST(replay.json()["data"]["already_void"] == true);
    BOOST_TEST(replay.json()["data"]["correction"]["id"] == data["correction"]["id"]);
    BOOST_TEST(cashier.server.snapshot() == settled);
}

BOOST_AUTO_TEST_CASE(a_voided_payment_leaves_revenue_and_its_invoice_is_unpaid_again) {
    Cashier cashier;
    const auto invoice = cashier.invoice(750000);
    auto revenue = [&] {
        auto reply = cashier.server.get("/api/reports/revenue?from=2026-01&to=2026-01", cashier.finance);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"]["totals"];
    };
    const Json before = revenue();
    const auto payment = cashier.paid(invoice, 750000);
    BOOST_TEST(revenue()["collected"].get<Money>() == before["collected"].get<Money>() + 750000);
    auto voided = cashier.server.post("/api/payments/" + std::to_string(payment) + "/void", R"({"reason":"uang palsu"})", cashier.finance);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(voided.json()["data"]["invoice"]["status"] == "unpaid");
    BOOST_TEST(voided.json()["data"]["invoice"]["paid_amount"] == 0);
    BOOST_TEST(revenue() == before, revenue().dump() << " vs " << before.dump());
    BOOST_TEST(cashier.text("SELECT COALESCE(paid_at, 0) FROM invoices WHERE id = " + std::to_string(invoice)) == "0");
    // A reason is required.
    const auto second = cashier.paid(invoice, 750000);
    auto no_reason = cashier.server.post("/api/payments/" + std::to_string(second) + "/void", R"({"reason":" "})", cashier.finance);
    BOOST_TEST(no_reason.status == 422);
    BOOST_TEST(no_reason.json()["error"]["fields"].contains("reason"));
}

BOOST_AUTO_TEST_CASE(a_void_queues_one_whatsapp_message_telling_the_customer_the_receipt_no_longer_counts) {
    Cashier cashier;
    const auto invoice = cashier.invoice(750000);
    const auto payment = cashier.paid(invoice, 750000);
    const std::string receipt_no = cashier.text("SELECT receipt_no FROM payments WHERE id = " + std::to_string(payment));
    const std::string void_messages = "SELECT COUNT(*) FROM notifications WHERE template = 'payment_void' AND customer_id = 2";
    BOOST_TEST(cashier.number(void_messages) == 0, "paying queues the receipt only");

    auto voided = cashier.server.post("/api/payments/" + std::to_string(payment) + "/void", R"({"reason":"uang palsu"})", cashier.finance);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(cashier.number(void_messages) == 1);
    const std::string where = " FROM notifications WHERE template = 'payment_void'";
    const std::string body = cashier.text("SELECT body" + where);
    for (const std::string& expected : {receipt_no, std::string("uang palsu"), std::string("Rp 750.000"), std::string("dibatalkan"),
                                       cashier.text("SELECT invoice_no FROM invoices WHERE id = " + std::to_string(invoice))})
        BOOST_TEST(body.find(expected) != std::string::npos, expected << " in " << body);
    // Through the outbox, to the customer's own number, as a transactional message (not held back
    // behind a broadcast), with the payment's key.
    BOOST_TEST(cashier.text("SELECT phone" + where) == cashier.text("SELECT phone FROM customers WHERE id = 2"));
    BOOST_TEST(cashier.text("SELECT status" + where) == "queued");
    BOOST_TEST(cashier.text("SELECT idempotency_key" + where) == "payment_void:" + std::to_string(payment));
    BOOST_TEST(cashier.text("SELECT message_class" + where) == "transactional");

    // A repeated void changes nothing and sends nothing again.
    auto again = cashier.server.post("/api/payments/" + std::to_string(payment) + "/void", R"({"reason":"uang palsu"})", cashier.finance);
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["data"]["already_void"] == true);
    BOOST_TEST(cashier.number(void_messages) == 1);
    // A refused void (no reason) queues nothing either.
    const auto second = cashier.paid(invoice, 750000);
    BOOST_TEST(cashier.server.post("/api/payments/" + std::to_string(second) + "/void", R"({"reason":""})", cashier.finance).status == 422);
    BOOST_TEST(cashier.number(void_messages) == 1);
}

BOOST_AUTO_TEST_CASE(voiding_an_overpayment_whose_credit_was_spent_is_refused_until_the_credit_payment_is_voided) {
    Cashier cashier;
    auto generated = cashier.server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false})", cashier.finance);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    const Json january = cashier.server.get("/api/invoices?period=2026-01&per_page=1", cashier.finance).json()["data"][0];
    const std::int64_t total = january["total"], customer = january["customer_id"];
    // Paying 50,000 too much pays January, and February (made at once) takes the 50,000 credit.
    auto paid = cashier.pay(january["id"], total + 50000, "overpayment");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::int64_t overpaid = paid.json()["data"]["id"];
    const Json february = cashier.invoice_json(paid.json()["data"]["next_invoice_id"]);
    BOOST_TEST_REQUIRE(february["payments"].size() == 1u);
    BOOST_TEST_REQUIRE(february["payments"][0]["method"] == "credit");
    const std::int64_t credit_payment = february["payments"][0]["id"];

    const std::string before = cashier.server.snapshot();
    auto refused = cashier.server.post("/api/payments/" + std::to_string(overpaid) + "/void", R"({"reason":"salah catat"})", cashier.finance);
    BOOST_TEST_REQUIRE(refused.status == 409, refused.body);
    const std::string message = refused.json()["error"]["message"];
    BOOST_TEST(message.find("sudah dipakai sebagai kredit") != std::string::npos, message);
    BOOST_TEST(message.find(february["invoice_no"].get<std::string>()) != std::string::npos, message);
    BOOST_TEST(cashier.server.snapshot() == before, "a refused void changes nothing");

    // Void the credit payment first: February is unpaid again and the credit is back.
    auto credit_back = cashier.server.post("/api/payments/" + std::to_string(credit_payment) + "/void", R"({"reason":"kredit salah"})",
                                           cashier.finance);
    BOOST_TEST_REQUIRE(credit_back.status == 200, credit_back.body);
    BOOST_TEST(credit_back.json()["data"]["credit_returned"] == 50000);
    BOOST_TEST(credit_back.json()["data"]["invoice"]["status"] == "unpaid");
    const std::string balance = "SELECT balance FROM customer_credit WHERE customer_id = " + std::to_string(customer);
    BOOST_TEST(cashier.number(balance) == 50000);

    auto voided = cashier.server.post("/api/payments/" + std::to_string(overpaid) + "/void", R"({"reason":"salah catat"})", cashier.finance);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(voided.json()["data"]["credit_taken_back"] == 50000);
    BOOST_TEST(voided.json()["data"]["invoice"]["status"] == "unpaid");
    BOOST_TEST(cashier.number(balance) == 0);
    BOOST_TEST(cashier.number("SELECT SUM(amount) FROM credit_ledger WHERE customer_id = " + std::to_string(customer)) == 0);
}

BOOST_AUTO_TEST_CASE(voiding_the_payment_of_an_isolated_customer_reopens_isolation_on_its_schedule) {
    DunningFixture fixture;
    const auto invoice = fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 2, 1});
    BOOST_TEST_REQUIRE(fixture.status(2) == "isolated");
    fixture.set_day({2026, 2, 2}, 10);
    const std::string finance = fixture.server.login("finance");
    auto paid = fixture.server.post("/api/payments", Json{{"invoice_id", invoice}, {"amount", 150000}, {"method", "cash"}}.dump(), finance);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(fixture.status(2) == "active");
    const std::int64_t payment = paid.json()["data"]["id"];

    auto voided = fixture.server.post("/api/payments/" + std::to_string(payment) + "/void", R"({"reason":"transfer dibatalkan bank"})", finance);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(voided.json()["data"]["invoice"]["status"] == "unpaid");
    BOOST_TEST(voided.json()["data"]["dunning_steps_reopened"] == 1);
    // Nothing is isolated on the spot: the dunning engine decides.
    BOOST_TEST(fixture.status(2) == "active");
    auto timeline = fixture.server.get("/api/customers/2/dunning", finance);
    BOOST_TEST_REQUIRE(timeline.status == 200, timeline.body);
    const Json dunning = timeline.json()["data"];
    BOOST_TEST(dunning["outstanding"] == 150000);
    std::string isolate_state;
    for (const auto& entry : dunning["timeline"])
        if (entry["action"] == "isolate") isolate_state = entry["state"].get<std::string>() + "@" + entry["date"].get<std::string>();
    BOOST_TEST(isolate_state == "due@2026-01-31", isolate_state);
    BOOST_TEST(dunning["isolation_date"] == "2026-02-02");
    // The next run isolates again (its day has passed), once.
    fixture.set_day({2026, 2, 3});
    fixture.run();
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM dunning_actions WHERE action = 'isolate' AND invoice_id = " + std::to_string(invoice)) == 1);
    fixture.run();
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM isolation_log WHERE action = 'isolate' AND customer_id = 2") == 2,
               fixture.server.joined("SELECT action || ':' || result FROM isolation_log WHERE customer_id = 2 ORDER BY id"));
}

BOOST_AUTO_TEST_SUITE_END()
