// The outbox's order as a customer sees it: a payment receipt (and every other transactional
// message) goes before the day's reminders and through quiet hours, a reminder about an invoice
// that was paid in the meantime never goes out, and bulk still moves under a stream of bot replies.
// Real services (invoices through the API, dunning, payments, the bot) and the WhatsApp simulator
// in-process; time from the ManualClock.
#include <boost/test/unit_test.hpp>

#include "../billing/billing_test_support.hpp"
#include "services/billing_notifications.hpp"
#include "services/dunning_service.hpp"
#include "services/invoice_service.hpp"
#include "services/payment_service.hpp"
#include "services/whatsapp_bot.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

std::int64_t local_time(const Date& date, int hour, int minute = 0) { return unix_from_local(LocalDateTime{date, hour, minute, 0}, UtcOffset{420}); }

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

struct OrderFixture : WhatsAppFixture {
    std::string admin = server.login("superadmin");

    // A manual invoice of Rp 150.000 due on `due_date`, through the API.
    std::int64_t create_invoice(std::int64_t customer_id, const std::string& due_date) {
        const api::Json body = {{"customer_id", customer_id}, {"due_date", due_date},
                                {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", 150000}}}}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"].get<std::int64_t>();
    }

    void run_dunning() {
        with_context([&](app::Context& context) {
            auto report = services::run_dunning(context, {});
            BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
        });
    }

    // The customer pays the invoice in full at the counter.
    void pay(std::int64_t invoice_id) {
        with_context([&](app::Context& context) {
            const auto total = count("SELECT total - paid_amount FROM invoices WHERE id = " + std::to_string(invoice_id));
            auto paid = services::record_payment(context, api::Json{{"invoice_id", invoice_id}, {"amount", total}, {"method", "cash"}});
            BOOST_TEST_REQUIRE(paid.ok(), (paid ? "" : paid.error().message()));
        });
    }

    void ask_bot(const std::string& phone, const std::string& message_id) {
        with_context([&](app::Context& context) {
            auto reply = services::handle_inbound_message(context, {"fonnte", phone, "tagihan", message_id}, "http://billing.test");
            BOOST_TEST_REQUIRE(reply.ok(), (reply ? "" : reply.error().message()));
            BOOST_TEST_REQUIRE(reply->queued);
        });
    }

    // What the simulator received, in order, as "template:service number" of the stored message.
    std::vector<std::string> handed_over() {
        std::vector<std::string> out;
        for (const auto& message : simulator.messages())
            out.push_back(server.scalar("SELECT n.template || ':' || COALESCE(c.service_number, '') FROM notifications n "
                                        "LEFT JOIN customers c ON c.id = n.customer_id WHERE n.phone = " + quoted(message.to) +
                                        " AND n.body = " + quoted(message.message) + " ORDER BY n.id LIMIT 1"));
        return out;
    }
    std::string number_of(std::int64_t customer_id) { return server.scalar("SELECT service_number FROM customers WHERE id = " + std::to_string(customer_id)); }
    std::string invoice_no(std::int64_t invoice_id) { return server.scalar("SELECT invoice_no FROM invoices WHERE id = " + std::to_string(invoice_id)); }
};

constexpr std::int64_t kCustomer = 2;  // a demo customer without open invoices

}  // namespace

BOOST_AUTO_TEST_SUITE(outbox_order)

BOOST_AUTO_TEST_CASE(in_quiet_hours_a_receipt_goes_at_once_and_the_earlier_reminder_never_goes) {
    OrderFixture fixture;
    const std::int64_t invoice = fixture.create_invoice(kCustomer, "2026-01-18");
    // The operator runs dunning at 22:00: the H-3 reminder waits for the end of the quiet hours.
    fixture.server.clock().set(local_time({2026, 1, 15}, 22));
    fixture.run_dunning();
    BOOST_TEST_REQUIRE(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'reminder' AND status = 'queued'") == 1);
    BOOST_TEST(fixture.drain().sent == 0);

    fixture.server.clock().set(local_time({2026, 1, 15}, 22, 30));
    fixture.pay(invoice);
    const auto report = fixture.drain();
    BOOST_TEST(report.sent == 1);
    BOOST_TEST(fixture.handed_over() == std::vector<std::string>{"payment_confirmation:" + fixture.number_of(kCustomer)});
    BOOST_TEST(fixture.count("SELECT sent_at FROM notifications WHERE template = 'payment_confirmation'") == fixture.server.clock().now());

    // The whole night: no bulk message goes; in the morning the reminder is dropped, not sent.
    for (std::int64_t at = local_time({2026, 1, 15}, 22, 31); at <= local_time({2026, 1, 16}, 8); at += 60) {
        fixture.server.clock().set(at);
        fixture.drain();
    }
    BOOST_TEST(fixture.handed_over() == std::vector<std::string>{"payment_confirmation:" + fixture.number_of(kCustomer)});
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE template = 'reminder'") == "cancelled");
    BOOST_TEST(fixture.server.scalar("SELECT a.outcome || ' ' || a.detail FROM notification_attempts a JOIN notifications n "
                                     "ON n.id = a.notification_id WHERE n.template = 'reminder'") ==
               "cancelled invoice " + fixture.invoice_no(invoice) + " is paid");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notification_attempts a JOIN notifications n ON n.id = a.notification_id "
                             "WHERE n.template = 'reminder' AND a.at < " + std::to_string(local_time({2026, 1, 16}, 7))) == 0);
}

BOOST_AUTO_TEST_CASE(outside_quiet_hours_a_receipt_overtakes_38_reminders_for_other_customers) {
    OrderFixture fixture;
    testing::add_bulk_customers(fixture.server, 38);
    const std::int64_t first_bulk = fixture.count("SELECT MIN(id) FROM customers WHERE service_number LIKE 'BULK%'");
    for (std::int64_t customer = first_bulk; customer < first_bulk + 38; ++customer) fixture.create_invoice(customer, "2026-01-18");
    fixture.run_dunning();
    BOOST_TEST_REQUIRE(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'reminder'") == 38);
    BOOST_TEST(fixture.drain().sent == 1);  // the batch has begun

    const std::int64_t invoice = fixture.create_invoice(kCustomer, "2026-01-31");
    fixture.server.clock().advance(1);
    fixture.pay(invoice);
    const std::int64_t paid_at = fixture.server.clock().now();
    fixture.run_for(120, 1);

    const auto order = fixture.handed_over();
    BOOST_TEST_REQUIRE(order.size() == 39u);
    BOOST_TEST(order[0].starts_with("reminder:BULK"));
    BOOST_TEST(order[1] == "payment_confirmation:" + fixture.number_of(kCustomer));
    for (std::size_t index = 2; index < order.size(); ++index) BOOST_TEST(order[index].starts_with("reminder:BULK"), order[index]);
    // Handed over at the next free slot of the rate limit (2 s), not after the batch (76 s).
    const std::int64_t receipt_sent = fixture.count("SELECT sent_at FROM notifications WHERE template = 'payment_confirmation'");
    BOOST_TEST(receipt_sent - paid_at <= 1);
}

BOOST_AUTO_TEST_CASE(a_reminder_queued_before_the_payment_is_cancelled_with_its_reason_not_sent) {
    OrderFixture fixture;
    const std::int64_t invoice = fixture.create_invoice(kCustomer, "2026-01-18");
    fixture.queue("earlier", "081234567890", "pesan lain", services::MessageClass::Bulk);
    BOOST_TEST(fixture.drain().sent == 1);  // the gateway is busy for 2 s
    fixture.run_dunning();
    fixture.pay(invoice);
    fixture.run_for(10, 1);
    BOOST_TEST(fixture.handed_over() == (std::vector<std::string>{":", "payment_confirmation:" + fixture.number_of(kCustomer)}));
    const std::string id = fixture.server.scalar("SELECT id FROM notifications WHERE template = 'reminder'");
    BOOST_TEST(fixture.server.scalar("SELECT status || ' ' || attempts FROM notifications WHERE id = " + id) == "cancelled 0");
    BOOST_TEST(fixture.server.joined("SELECT outcome || ' ' || detail FROM notification_attempts WHERE notification_id = " + id + " ORDER BY id") ==
               "cancelled invoice " + fixture.invoice_no(invoice) + " is paid");
    // The log of the outbox lists it under its own status.
    auto listed = fixture.server.get("/api/notifications?status=cancelled", fixture.admin);
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    BOOST_TEST(listed.json()["total"] == 1);
    BOOST_TEST(listed.json()["data"][0]["invoice_id"] == invoice);
}

BOOST_AUTO_TEST_CASE(a_new_invoice_notice_for_a_voided_invoice_is_cancelled) {
    OrderFixture fixture;
    const std::int64_t invoice = fixture.create_invoice(kCustomer, "2026-01-31");
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(services::queue_new_invoice_notices(context, Period{2026, 1}).ok());
        BOOST_TEST_REQUIRE(services::void_invoice(context, invoice, api::Json{{"reason", "salah input"}}).ok());
    });
    fixture.run_for(5, 1);
    BOOST_TEST(fixture.simulator.messages().empty());
    BOOST_TEST(fixture.server.scalar("SELECT n.status || ' ' || a.detail FROM notifications n JOIN notification_attempts a "
                                     "ON a.notification_id = n.id WHERE n.template = 'invoice_new'") ==
               "cancelled invoice " + fixture.invoice_no(invoice) + " is void");
}

BOOST_AUTO_TEST_CASE(with_the_operator_setting_on_transactional_messages_respect_quiet_hours) {
    OrderFixture fixture;
    fixture.configure("fonnte", {{"whatsapp_quiet_hours_transactional", "1"}});
    const std::int64_t invoice = fixture.create_invoice(kCustomer, "2026-01-31");
    fixture.server.clock().set(local_time({2026, 1, 15}, 22, 30));
    fixture.pay(invoice);
    const auto night = fixture.drain();
    BOOST_TEST(night.sent == 0);
    BOOST_TEST(night.stopped_by == "quiet_hours");
    BOOST_TEST_REQUIRE(night.next_due_at.has_value());
    BOOST_TEST(*night.next_due_at == local_time({2026, 1, 16}, 7));
    fixture.server.clock().set(local_time({2026, 1, 16}, 6, 59));
    BOOST_TEST(fixture.drain().sent == 0);
    fixture.server.clock().set(local_time({2026, 1, 16}, 7));
    BOOST_TEST(fixture.drain().sent == 1);
    BOOST_TEST(fixture.handed_over() == std::vector<std::string>{"payment_confirmation:" + fixture.number_of(kCustomer)});
}

BOOST_AUTO_TEST_CASE(under_a_stream_of_bot_replies_every_fifth_message_is_bulk) {
    OrderFixture fixture;
    testing::add_bulk_customers(fixture.server, 10);
    const std::int64_t first_bulk = fixture.count("SELECT MIN(id) FROM customers WHERE service_number LIKE 'BULK%'");
    for (std::int64_t customer = first_bulk; customer < first_bulk + 10; ++customer) fixture.create_invoice(customer, "2026-01-18");
    fixture.run_dunning();
    const std::string phone = fixture.phone_of("CUST001");
    // Customers keep asking the bot: two questions every rate-limit slot, more than can be answered.
    for (int slot = 0; slot < 25; ++slot) {
        fixture.ask_bot(phone, "in-" + std::to_string(slot) + "-a");
        fixture.ask_bot(phone, "in-" + std::to_string(slot) + "-b");
        fixture.drain();
        fixture.server.clock().advance(2);
    }
    std::string pattern;
    for (const auto& sent : fixture.handed_over()) pattern += sent.starts_with("reminder:") ? 'B' : 'T';
    BOOST_TEST(pattern == "TTTTBTTTTBTTTTBTTTTBTTTTB");
}

BOOST_AUTO_TEST_CASE(a_reminder_for_a_customer_terminated_meanwhile_is_cancelled) {
    OrderFixture fixture;
    fixture.create_invoice(kCustomer, "2026-01-18");
    fixture.run_dunning();
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(context.db.execute("UPDATE customers SET status = 'terminated' WHERE id = " + std::to_string(kCustomer)).ok());
    });
    fixture.run_for(3, 1);
    BOOST_TEST(fixture.simulator.messages().empty());
    BOOST_TEST(fixture.server.scalar("SELECT status || ' ' || last_error FROM notifications WHERE template = 'reminder'") ==
               "cancelled customer " + fixture.number_of(kCustomer) + " is terminated");
}

BOOST_AUTO_TEST_CASE(every_producer_queues_its_class_and_bulk_invoice_messages_name_their_invoice) {
    OrderFixture fixture;
    const std::int64_t reminded = fixture.create_invoice(kCustomer, "2026-01-18");
    const std::int64_t paid = fixture.create_invoice(3, "2026-01-31");
    fixture.run_dunning();
    fixture.pay(paid);
    fixture.with_context([&](app::Context& context) { BOOST_TEST_REQUIRE(services::queue_new_invoice_notices(context, Period{2026, 1}).ok()); });
    fixture.ask_bot(fixture.phone_of("CUST001"), "question-1");
    const api::Json registration{{"name", "Calon Pelanggan"}, {"phone", "081211110001"}, {"email", "calon@example.id"}, {"address", "Jl. Kenanga 3, Cimahi"}, {"package_id", 1}};
    BOOST_TEST_REQUIRE(fixture.server.post("/api/register", registration.dump()).status == 201);
    BOOST_TEST_REQUIRE(fixture.server.post("/api/whatsapp/test", R"({"phone":"081234567890","message":"tes"})", fixture.admin).status == 201);
    BOOST_TEST_REQUIRE(fixture.server.post("/api/notifications/broadcast", R"({"segment":{"all":true},"message":"Info gangguan"})", fixture.admin).status == 201);

    auto class_of = [&](const std::string& where) {
        return fixture.server.joined("SELECT DISTINCT message_class || ':' || COALESCE(CAST(invoice_id AS TEXT), '-') FROM notifications WHERE " + where +
                                     " ORDER BY 1");
    };
    BOOST_TEST(class_of("template = 'payment_confirmation'") == "transactional:" + std::to_string(paid));
    BOOST_TEST(class_of("template = 'registration_received'") == "transactional:-");
    BOOST_TEST(class_of("template LIKE 'bot_%'") == "transactional:-");
    BOOST_TEST(class_of("idempotency_key LIKE 'test:%'") == "transactional:-");
    BOOST_TEST(class_of("template = 'reminder'") == "bulk:" + std::to_string(reminded));
    BOOST_TEST(class_of("template = 'invoice_new' AND customer_id = " + std::to_string(kCustomer)) == "bulk:" + std::to_string(reminded));
    BOOST_TEST(class_of("template = 'broadcast'") == "bulk:-");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE message_class = 'bulk' AND template IN ('reminder', 'invoice_new') "
                             "AND invoice_id IS NULL") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
