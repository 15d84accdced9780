// WhatsApp messages that billing produces: the new-invoice message of `generate --notify` and the
// receipt of a manual payment, queued once each in the outbox, whatever is repeated.
#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(billing_notifications)

BOOST_AUTO_TEST_CASE(generate_with_notify_queues_one_invoice_message_per_open_invoice_once) {
    TestServer server;
    const std::string token = server.login("finance");
    auto quiet = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false})", token);
    BOOST_TEST_REQUIRE(quiet.status == 200, quiet.body);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications") == 0);

    auto notified = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":true})", token);
    BOOST_TEST_REQUIRE(notified.status == 200, notified.body);
    const std::int64_t invoices = scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-01'");
    BOOST_TEST(invoices > 0);
    BOOST_TEST(notified.json()["created"] == 0);  // the invoices existed; only the messages are new
    BOOST_TEST(notified.json()["notified"] == invoices);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications WHERE template = 'invoice_new'") == invoices);

    // The message names the invoice, its total and the payment link of the customer.
    const std::string body = server.scalar(
        "SELECT n.body FROM notifications n JOIN invoices i ON n.idempotency_key = 'invoice_new:' || i.id ORDER BY i.id LIMIT 1");
    const std::string invoice_no = server.scalar("SELECT invoice_no FROM invoices ORDER BY id LIMIT 1");
    const std::string number = server.scalar("SELECT c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.id LIMIT 1");
    BOOST_TEST(body.find(invoice_no) != std::string::npos, body);
    BOOST_TEST(body.find("/billing/" + number) != std::string::npos, body);
    BOOST_TEST(body.find("Rp ") != std::string::npos, body);

    auto again = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":true})", token);
    BOOST_TEST(again.json()["notified"] == 0);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications") == invoices);
}

BOOST_AUTO_TEST_CASE(a_manual_payment_queues_its_receipt_once) {
    TestServer server;
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const api::Json invoice = server.get("/api/invoices?customer_id=1", token).json()["data"][0];
    auto paid = server.post("/api/payments",
                            api::Json{{"invoice_id", invoice["id"]}, {"amount", invoice["total"]}, {"method", "bank_transfer"}}.dump(), token);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation' AND customer_id = 1") == 1);
    const std::string body = server.scalar("SELECT body FROM notifications WHERE template = 'payment_confirmation'");
    BOOST_TEST(body.find(invoice["invoice_no"].get<std::string>()) != std::string::npos, body);
    BOOST_TEST(body.find("Transfer bank") != std::string::npos, body);

    // A refused payment (over the limit of nonsense) queues nothing.
    auto refused = server.post("/api/payments", api::Json{{"invoice_id", invoice["id"]}, {"amount", -5}}.dump(), token);
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
