// Transfer amounts with a unique code (issue 20) from the customer's side: an invoice partly paid by
// credit when it is made asks, in its WhatsApp message, on its PDF and in the detail the screens read, for the amount still open
// plus the code ("Transfer tepat Rp …", the last digits explained) — never for the total.
#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"
#include "core/money.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(transfer_amounts)

BOOST_AUTO_TEST_CASE(a_partly_paid_invoice_asks_for_what_is_open_plus_the_code_in_the_message_and_the_pdf) {
    TestServer server;
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"transfer_unique_code":"1"})", server.login("admin")).status == 200);
    // A customer with Rp 50.000 of credit: January's invoice is partly paid by it when it is made.
    const std::string customer = server.scalar("SELECT MIN(id) FROM customers WHERE status = 'active'");
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    BOOST_TEST_REQUIRE((*db)->execute("INSERT INTO customer_credit(customer_id, balance) VALUES (" + customer +
                                      ", 50000) ON CONFLICT(customer_id) DO UPDATE SET balance = 50000")
                           .ok());
    const std::string finance = server.login("finance");
    auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":true})", finance);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);

    const std::string where = " FROM invoices WHERE period = '2026-01' AND customer_id = " + customer;
    const std::string id = server.scalar("SELECT id" + where);
    const Money total = scalar_int(server, "SELECT total" + where), paid = scalar_int(server, "SELECT paid_amount" + where);
    const Money code = scalar_int(server, "SELECT unique_code" + where);
    BOOST_TEST_REQUIRE(paid == 50000);
    BOOST_TEST_REQUIRE(code > 0);
    const std::string exact = format_rupiah(total - paid + code);

    const std::string body = server.scalar("SELECT body FROM notifications WHERE idempotency_key = 'invoice_new:" + id + "'");
    BOOST_TEST(body.find("Total: *" + format_rupiah(total - paid) + " (sisa dari " + format_rupiah(total) + ")") != std::string::npos, body);
    BOOST_TEST(body.find("transfer tepat " + exact) != std::string::npos, body);
    BOOST_TEST(body.find("kode unik " + format_rupiah(code)) != std::string::npos, body);
    BOOST_TEST(body.find(format_rupiah(total + code)) == std::string::npos, body);  // never the total plus the code

    auto pdf = server.get("/api/invoices/" + id + "/pdf", finance);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    const std::string text = pdf_text(TempDir(), pdf.body);
    BOOST_TEST(text.find("Transfer tepat " + exact) != std::string::npos, text);
    BOOST_TEST(text.find("Angka terakhir adalah kode unik " + format_rupiah(code)) != std::string::npos, text);

    // The staff detail (and its portal twin, the same function) carries the amount the screens show.
    BOOST_TEST(server.get("/api/invoices/" + id, finance).json()["data"]["transfer_amount"] == total - paid + code);
}

BOOST_AUTO_TEST_CASE(a_dunning_reminder_asks_for_the_exact_transfer_too) {
    TestServer server;
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"transfer_unique_code":"1"})", server.login("admin")).status == 200);
    const std::string customer = server.scalar("SELECT MIN(id) FROM customers WHERE status = 'active'");
    // Due tomorrow (the clock is 15 January): today's run sends the H-1 reminder.
    auto made = server.post("/api/invoices",
                            api::Json{{"customer_id", std::stoll(customer)}, {"due_date", "2026-01-16"},
                                      {"lines", {{{"description", "Pemasangan"}, {"quantity", 1}, {"unit_price", 250000}, {"kind", "charge"}}}}}
                                .dump(),
                            server.login("finance"));
    BOOST_TEST_REQUIRE(made.status == 201, made.body);
    const std::string id = std::to_string(made.json()["data"]["id"].get<std::int64_t>());
    const Money code = scalar_int(server, "SELECT unique_code FROM invoices WHERE id = " + id);
    BOOST_TEST_REQUIRE(code > 0);
    auto run = server.post("/api/dunning/run", "{}", server.login("admin"));
    BOOST_TEST_REQUIRE(run.status == 200, run.body);
    const std::string body = server.scalar("SELECT body FROM notifications WHERE template = 'reminder' AND invoice_id = " + id);
    BOOST_TEST(body.find("*" + format_rupiah(250000) + " (transfer tepat " + format_rupiah(250000 + code)) != std::string::npos, body);
    BOOST_TEST(body.find("kode unik " + format_rupiah(code)) != std::string::npos, body);
}

BOOST_AUTO_TEST_SUITE_END()
