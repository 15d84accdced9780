// Credit notes (nota kredit) and refunds (issue 20), from the cashier's side: a partial note lowers
// what the invoice asks for, a full one settles it and restores an isolated customer, a note on a
// paid invoice becomes credit that can be refunded; from the attacker's side: every refusal
// changes nothing; and the numbering: its own gap-free series that takes no invoice number.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <thread>

#include "billing_test_support.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

struct Desk {
    TestServer server;
    std::string admin = server.login("superadmin");
    std::string finance = server.login("finance");
    std::int64_t customer = scalar_int(server, "SELECT id FROM customers WHERE service_number = 'CUST001'");

    // A manual invoice for CUST001 with one line per amount, due 2026-01-24.
    std::int64_t invoice(std::vector<Money> amounts, std::int64_t customer_id = 0) {
        Json lines = Json::array();
        for (const Money amount : amounts) lines.push_back({{"description", "Baris " + std::to_string(amount)}, {"quantity", 1}, {"unit_price", amount}});
        const Json body = {{"customer_id", customer_id ? customer_id : customer}, {"due_date", "2026-01-24"}, {"lines", lines}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    HttpReply credit(std::int64_t invoice_id, const Json& body, const std::string& token = {}, const std::string& key = {}) {
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + (token.empty() ? finance : token)},
                                                   {"Content-Type", "application/json"}};
        if (!key.empty()) headers["Idempotency-Key"] = key;
        return http_request("POST", server.url("/api/invoices/" + std::to_string(invoice_id) + "/credit-notes"), body.dump(), headers);
    }
    Json credited(std::int64_t invoice_id, const Json& body) {
        auto reply = credit(invoice_id, body);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"];
    }
    HttpReply refund(const Json& body, const std::string& token = {}, std::int64_t customer_id = 0) {
        return server.post("/api/customers/" + std::to_string(customer_id ? customer_id : customer) + "/refunds", body.dump(),
                           token.empty() ? finance : token);
    }
    void pay(std::int64_t invoice_id, Money amount, const std::string& confirm = {}) {
        Json body = {{"invoice_id", invoice_id}, {"amount", amount}, {"method", "cash"}};
        if (!confirm.empty()) body["confirm"] = confirm;
        auto reply = server.post("/api/payments", body.dump(), finance);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    }
    Json invoice_json(std::int64_t id) {
        auto reply = server.get("/api/invoices/" + std::to_string(id), finance);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }
    Money balance() { return scalar_int(server, "SELECT COALESCE(SUM(balance), 0) FROM customer_credit WHERE customer_id = " + std::to_string(customer)); }
    std::int64_t number(const std::string& sql) { return scalar_int(server, sql); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(credit_notes)

BOOST_AUTO_TEST_CASE(a_partial_credit_note_lowers_what_an_unpaid_invoice_asks_for_in_its_own_number_series) {
    Desk desk;
    const auto invoice = desk.invoice({300000});
    const auto invoice_numbers = desk.number("SELECT last_number FROM sequences WHERE name = 'invoice:2026-01'");
    const Json note = desk.credited(invoice, {{"amount", "100rb"}, {"reason", "Gangguan 10 hari"}});
    BOOST_TEST(note["credit_note_no"] == "NK/2026/01/0001");
    BOOST_TEST(note["amount"] == 100000);
    BOOST_TEST(note["applied"] == 100000);
    BOOST_TEST(note["credit"] == 0);
    BOOST_TEST(note["invoice"]["status"] == "partial");
    BOOST_TEST(note["invoice"]["outstanding"] == 200000);
    BOOST_TEST(note["credit_balance"] == 0);
    const Json detail = desk.invoice_json(invoice);
    BOOST_TEST(detail["outstanding"] == 200000);
    BOOST_TEST(detail["credited_amount"] == 100000);
    BOOST_TEST(detail["paid_by_payments"] == 0);
    BOOST_TEST_REQUIRE(detail["credit_notes"].size() == 1u);
    BOOST_TEST(detail["credit_notes"][0]["reason"] == "Gangguan 10 hari");
    // The cashier takes the rest; the invoice is paid with 200.000 in cash, not 300.000.
    desk.pay(invoice, 200000);
    const Json paid = desk.invoice_json(invoice);
    BOOST_TEST(paid["status"] == "paid");
    BOOST_TEST(paid["paid_by_payments"] == 200000);
    // Its own series: no invoice number was taken; a second note is 0002, gap-free.
    const auto second = desk.invoice({50000});
    BOOST_TEST(desk.credited(second, {{"full", true}, {"reason", "Salah tagih"}})["credit_note_no"] == "NK/2026/01/0002");
    BOOST_TEST(desk.number("SELECT last_number FROM sequences WHERE name = 'invoice:2026-01'") == invoice_numbers + 1, "only the second invoice");
    BOOST_TEST(desk.number("SELECT last_number FROM sequences WHERE name = 'credit_note:2026-01'") == 2);
    BOOST_TEST(desk.number("SELECT COUNT(*) FROM activity_log WHERE action = 'credit_note.create'") == 2);
    // The history shows both notes; the list sums them for the period.
    auto history = desk.server.get("/api/customers/" + std::to_string(desk.customer) + "/history", desk.finance);
    BOOST_TEST(history.json()["data"]["credit_notes"].size() == 2u);
    auto list = desk.server.get("/api/credit-notes?from=2026-01-01&to=2026-01-31", desk.finance);
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    BOOST_TEST(list.json()["total"] == 2);
    BOOST_TEST(list.json()["amount"] == 150000);
    // The revenue report nets them in the month they were issued.
    auto revenue = desk.server.get("/api/reports/revenue?from=2026-01&to=2026-01", desk.finance);
    BOOST_TEST_REQUIRE(revenue.status == 200, revenue.body);
    const Json totals = revenue.json()["data"]["totals"];
    BOOST_TEST(totals["credited"] == 150000);
    BOOST_TEST(totals["net_billed"].get<Money>() == totals["billed"].get<Money>() - 150000);
    // A new month starts the series again; the format is a setting like the invoice number's.
    BOOST_TEST_REQUIRE(desk.server.put("/api/settings", R"({"credit_note_number_format":"CN-{YY}{MM}-{NNN}"})", desk.admin).status == 200);
    desk.server.clock().advance(20 * 24 * 3600);
    desk.admin = desk.server.login("superadmin");  // sessions last 12 hours
    desk.finance = desk.server.login("finance");
    const auto february = desk.invoice({40000});
    BOOST_TEST(desk.credited(february, {{"amount", 1000}, {"reason", "Koreksi"}})["credit_note_no"] == "CN-2602-001");
}

BOOST_AUTO_TEST_CASE(a_full_credit_note_settles_the_invoice_and_restores_an_isolated_customer) {
    Desk desk;
    const auto invoice = desk.invoice({150000});
    desk.pay(invoice, 50000, "partial");
    auto db = store::Database::open(desk.server.db_path());
    BOOST_TEST_REQUIRE((*db)->execute("UPDATE customers SET status = 'isolated' WHERE id = " + std::to_string(desk.customer)).ok());
    const Json note = desk.credited(invoice, {{"full", true}, {"reason", "Layanan putus sebulan"}});
    BOOST_TEST(note["amount"] == 150000, "the whole billed amount");
    BOOST_TEST(note["applied"] == 100000, "what was still open");
    BOOST_TEST(note["credit"] == 50000, "the cash already paid becomes credit");
    BOOST_TEST(note["invoice"]["status"] == "paid");
    BOOST_TEST(note["invoice"]["outstanding"] == 0);
    BOOST_TEST(note["restore_requested"] == true);
    BOOST_TEST(desk.server.scalar("SELECT status FROM customers WHERE id = " + std::to_string(desk.customer)) == "active");
    BOOST_TEST(desk.number("SELECT COUNT(*) FROM network_actions WHERE action = 'restore' AND status = 'pending' AND customer_id = " +
                           std::to_string(desk.customer)) == 1);
    BOOST_TEST(desk.balance() == 50000);
    // Nothing is left to credit.
    const std::string before = desk.server.snapshot();
    auto again = desk.credit(invoice, {{"amount", 1}, {"reason", "Sekali lagi"}});
    BOOST_TEST(again.status == 409, again.body);
    BOOST_TEST(desk.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_credit_note_on_a_paid_invoice_becomes_credit_that_can_be_refunded_once) {
    Desk desk;
    const auto invoice = desk.invoice({200000});
    desk.pay(invoice, 200000);
    const Json note = desk.credited(invoice, {{"amount", 80000}, {"reason", "Diskon pelanggan setia"}});
    BOOST_TEST(note["applied"] == 0);
    BOOST_TEST(note["credit"] == 80000);
    BOOST_TEST(note["invoice"]["status"] == "paid");
    BOOST_TEST(desk.balance() == 80000);
    auto cash = desk.refund({{"amount", 30000}, {"method", "cash"}, {"reason", "Diambil di loket"}});
    BOOST_TEST_REQUIRE(cash.status == 201, cash.body);
    BOOST_TEST(cash.json()["data"]["credit_balance"] == 50000);
    BOOST_TEST(desk.balance() == 50000);
    // A transfer needs its reference; more than the balance is refused; both change nothing.
    const std::string before = desk.server.snapshot();
    auto no_reference = desk.refund({{"amount", 10000}, {"method", "bank_transfer"}, {"reason", "Transfer balik"}});
    BOOST_TEST(no_reference.status == 422, no_reference.body);
    BOOST_TEST(no_reference.json()["error"]["fields"].contains("reference"));
    auto too_much = desk.refund({{"amount", 50001}, {"method", "cash"}, {"reason", "Semua"}});
    BOOST_TEST(too_much.status == 422, too_much.body);
    const std::string message = too_much.json()["error"]["fields"]["amount"];
    BOOST_TEST(message.find("Rp 50.000") != std::string::npos, message);
    BOOST_TEST(desk.server.snapshot() == before);
    auto transfer = desk.refund({{"amount", 50000}, {"method", "bank_transfer"}, {"reference", "BCA-778812"}, {"reason", "Sisa kredit"}});
    BOOST_TEST_REQUIRE(transfer.status == 201, transfer.body);
    BOOST_TEST(desk.balance() == 0);
    auto listed = desk.server.get("/api/customers/" + std::to_string(desk.customer) + "/refunds", desk.finance);
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    BOOST_TEST(listed.json()["data"]["refunds"].size() == 2u);
    BOOST_TEST(listed.json()["data"]["refunds"][0]["reference"] == "BCA-778812");
    BOOST_TEST(desk.number("SELECT COUNT(*) FROM credit_ledger WHERE amount < 0 AND customer_id = " + std::to_string(desk.customer)) == 2);
    BOOST_TEST(desk.number("SELECT COUNT(*) FROM activity_log WHERE action = 'refund.create'") == 2);
    // Voiding the payment afterwards recounts what settled the invoice: payments and credit notes.
    const auto payment = desk.number("SELECT id FROM payments WHERE invoice_id = " + std::to_string(invoice));
    auto voided = desk.server.post("/api/payments/" + std::to_string(payment) + "/void", R"({"reason":"Salah catat"})", desk.admin);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(desk.invoice_json(invoice)["outstanding"] == 200000, "the 80.000 note went to credit, which has been refunded");
}

BOOST_AUTO_TEST_CASE(the_invoice_ppn_goes_into_the_credit_note_in_proportion) {
    Desk desk;
    BOOST_TEST_REQUIRE(desk.server.put("/api/settings", R"({"tax_rate":"11"})", desk.admin).status == 200);
    const auto invoice = desk.invoice({100000, 200000});
    const Json detail = desk.invoice_json(invoice);
    BOOST_TEST_REQUIRE(detail["total"] == 333000);
    const Json line = desk.credited(invoice, {{"lines", {1}}, {"reason", "Biaya pasang batal"}});
    BOOST_TEST(line["amount"] == 222000, "the 200.000 line with its 11%");
    BOOST_TEST(line["tax"] == 22000);
    BOOST_TEST(line["base"] == 200000);
    BOOST_TEST(line["lines"] == "Baris 200000");
    const Json part = desk.credited(invoice, {{"amount", 11100}, {"reason", "Kompensasi"}});
    BOOST_TEST(part["tax"] == 1100);
    auto pdf = desk.server.get("/api/credit-notes/" + std::to_string(line["id"].get<std::int64_t>()) + "/pdf", desk.finance);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    BOOST_TEST(pdf.body.rfind("%PDF-", 0) == 0u);
    TempDir dir;
    const std::string text = pdf_text(dir, pdf.body);
    for (const char* expected : {"NOTA KREDIT", "NK/2026/01/0001", "Biaya pasang batal", "PPN", "Rp 22.000", "Rp 222.000"})
        BOOST_TEST(text.find(expected) != std::string::npos, expected << " in\n" << text);
    // The invoice's own PDF names both notes with what each took off, and no payment that was not made.
    auto invoice_pdf = desk.server.get("/api/invoices/" + std::to_string(invoice) + "/pdf", desk.finance);
    BOOST_TEST_REQUIRE(invoice_pdf.status == 200);
    const std::string invoice_text = pdf_text(dir, invoice_pdf.body);
    auto line_with = [&](const std::string& label) {
        const auto at = invoice_text.find(label);
        if (at == std::string::npos) return std::string();
        const auto start = invoice_text.rfind('\n', at) + 1;
        return invoice_text.substr(start, invoice_text.find('\n', at) - start);
    };
    BOOST_TEST(line_with("Nota kredit NK/2026/01/0001").find("Rp 222.000") != std::string::npos, invoice_text);
    BOOST_TEST(line_with("Nota kredit NK/2026/01/0002").find("Rp 11.100") != std::string::npos, invoice_text);
    BOOST_TEST(line_with("Sisa tagihan").find("Rp 99.900") != std::string::npos, invoice_text);
    BOOST_TEST(invoice_text.find("Sudah dibayar") == std::string::npos, invoice_text);
}

BOOST_AUTO_TEST_CASE(over_credit_and_bad_amounts_are_refused_with_field_errors_and_change_nothing) {
    Desk desk;
    const auto invoice = desk.invoice({100000});
    desk.credited(invoice, {{"amount", 60000}, {"reason", "Sebagian"}});
    const std::string before = desk.server.snapshot();
    const Json bad[] = {
        {{"amount", 40001}, {"reason", "Lebih"}},
        {{"amount", 0}, {"reason", "Nol"}},
        {{"amount", -5000}, {"reason", "Negatif"}},
        {{"amount", "9223372036854775807"}, {"reason", "Raksasa"}},
        {{"amount", 9223372036854775807LL}, {"reason", "Raksasa"}},
        {{"amount", 1.5}, {"reason", "Pecahan"}},
        {{"amount", "seratus"}, {"reason", "Teks"}},
        {{"amount", 1000}},
        {{"amount", 1000}, {"reason", "  "}},
        {{"amount", 1000}, {"full", true}, {"reason", "Dua pilihan"}},
        {{"reason", "Tanpa jumlah"}},
        {{"lines", {5}}, {"reason", "Baris tidak ada"}},
        {{"lines", {0, 0}}, {"reason", "Baris ganda"}},
        {{"lines", "0"}, {"reason", "Bukan daftar"}},
    };
    for (const Json& body : bad) {
        auto reply = desk.credit(invoice, body);
        BOOST_TEST(reply.status == 422, body.dump() << " → " << reply.body);
        BOOST_TEST(!reply.json()["error"]["fields"].empty(), body.dump());
    }
    auto over = desk.credit(invoice, {{"amount", 40001}, {"reason", "Lebih"}});
    const std::string message = over.json()["error"]["fields"]["amount"];
    BOOST_TEST(message.find("Rp 40.000") != std::string::npos, message);
    BOOST_TEST(desk.credit(invoice, Json::array()).status == 400, "not an object");
    BOOST_TEST(desk.credit(999999, {{"amount", 1000}, {"reason", "Tidak ada"}}).status == 404);
    BOOST_TEST(desk.server.snapshot() == before);
    // A voided invoice gets none.
    const auto voided = desk.invoice({5000});
    BOOST_TEST_REQUIRE(desk.server.post("/api/invoices/" + std::to_string(voided) + "/void", R"({"reason":"Dobel"})", desk.admin).status == 200);
    BOOST_TEST(desk.credit(voided, {{"full", true}, {"reason", "Batal"}}).status == 409);
    // Refunds: the same refusals for bad amounts and methods.
    const std::string before_refunds = desk.server.snapshot();
    for (const Json& body : {Json{{"amount", -1}, {"method", "cash"}, {"reason", "Negatif"}},
                             Json{{"amount", 1000}, {"method", "gopay"}, {"reason", "Metode"}},
                             Json{{"amount", 1000}, {"method", "cash"}},
                             Json{{"amount", 9223372036854775807LL}, {"method", "cash"}, {"reason", "Raksasa"}}}) {
        auto reply = desk.refund(body);
        BOOST_TEST(reply.status == 422, body.dump() << " → " << reply.body);
    }
    BOOST_TEST(desk.refund({{"amount", 1000}, {"method", "cash"}, {"reason", "Tidak ada"}}, {}, 999999).status == 404);
    BOOST_TEST(desk.server.snapshot() == before_refunds);
}

BOOST_AUTO_TEST_CASE(a_repeated_key_creates_one_credit_note_and_racing_refunds_of_the_whole_balance_pay_once) {
    Desk desk;
    const auto invoice = desk.invoice({100000});
    desk.pay(invoice, 100000);
    auto first = desk.credit(invoice, {{"amount", 70000}, {"reason", "Kompensasi"}}, {}, "nk-1");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    auto again = desk.credit(invoice, {{"amount", 70000}, {"reason", "Kompensasi"}}, {}, "nk-1");
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["data"]["repeated"] == true);
    BOOST_TEST(again.json()["data"]["id"] == first.json()["data"]["id"]);
    auto other = desk.credit(invoice, {{"amount", 10000}, {"reason", "Lain"}}, {}, "nk-1");
    BOOST_TEST(other.status == 409, other.body);
    BOOST_TEST(desk.number("SELECT COUNT(*) FROM credit_notes") == 1);
    BOOST_TEST(desk.balance() == 70000);

    std::vector<int> statuses(4);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < statuses.size(); ++index)
        threads.emplace_back([&, index] {
            statuses[index] = desk.refund({{"amount", 70000}, {"method", "cash"}, {"reason", "Tarik semua"}}, index % 2 ? desk.admin : desk.finance).status;
        });
    for (auto& thread : threads) thread.join();
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 201) == 1);
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 422) == 3);
    BOOST_TEST(desk.balance() == 0);
    BOOST_TEST(desk.number("SELECT COUNT(*) FROM refunds") == 1);
}

BOOST_AUTO_TEST_CASE(lower_roles_anonymous_and_other_customers_get_nothing) {
    Desk desk;
    const auto invoice = desk.invoice({100000});
    desk.pay(invoice, 100000);
    const std::int64_t note = desk.credited(invoice, {{"amount", 20000}, {"reason", "Kompensasi"}})["id"];
    const std::string technician = desk.server.login("technician");
    const std::string customer = desk.server.login("CUST001");
    const std::string before = desk.server.snapshot();
    for (const std::string& token : {technician, customer, std::string()}) {
        const int expected = token.empty() ? 401 : 403;
        BOOST_TEST(desk.credit(invoice, {{"amount", 1000}, {"reason", "Coba"}}, token.empty() ? "x" : token).status == expected);
        BOOST_TEST(desk.server.post("/api/customers/" + std::to_string(desk.customer) + "/refunds",
                                    R"({"amount":1000,"method":"cash","reason":"Coba"})", token).status == expected);
    }
    BOOST_TEST(desk.server.get("/api/credit-notes", customer).status == 403);
    BOOST_TEST(desk.server.get("/api/customers/" + std::to_string(desk.customer) + "/refunds", technician).status == 403);
    BOOST_TEST(desk.server.get("/api/credit-notes", technician).status == 200, "technicians read invoices, so credit notes too");
    BOOST_TEST(desk.server.snapshot() == before);
    // The portal: the customer's own note on their invoice and as PDF; another's is not found.
    auto mine = desk.server.get("/api/portal/invoices/" + std::to_string(invoice), customer);
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    BOOST_TEST(mine.json()["data"]["credit_notes"][0]["credit_note_no"] == "NK/2026/01/0001");
    BOOST_TEST(desk.server.get("/api/portal/credit-notes/" + std::to_string(note) + "/pdf", customer).status == 200);
    const auto other_customer = desk.number("SELECT id FROM customers WHERE service_number <> 'CUST001' ORDER BY id LIMIT 1");
    const auto theirs = desk.invoice({50000}, other_customer);
    const std::int64_t their_note = desk.credited(theirs, {{"full", true}, {"reason", "Punya orang"}})["id"];
    BOOST_TEST(desk.server.get("/api/portal/credit-notes/" + std::to_string(their_note) + "/pdf", customer).status == 404);
    BOOST_TEST(desk.server.get("/api/portal/invoices/" + std::to_string(theirs), customer).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
