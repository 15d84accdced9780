#include <boost/test/unit_test.hpp>

#include <map>

#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

constexpr const char* kPhone = "081234567890";
constexpr const char* kNormalized = "6281234567890";

std::map<std::string, int> deliveries_by_body(const sim::WhatsAppSimulator& simulator) {
    std::map<std::string, int> out;
    for (const auto& message : simulator.messages()) out[message.message] += 1;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbox)

BOOST_AUTO_TEST_CASE(the_same_key_twice_stores_one_message) {
    WhatsAppFixture fixture;
    const auto first = fixture.queue("invoice:INV-1:new", kPhone, "Tagihan baru");
    const auto second = fixture.queue("invoice:INV-1:new", kPhone, "Tagihan baru (lagi)");
    BOOST_TEST(first.created);
    BOOST_TEST(!second.created);
    BOOST_TEST(first.id == second.id);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 1);
    BOOST_TEST(fixture.server.scalar("SELECT body FROM notifications") == "Tagihan baru");
    BOOST_TEST(fixture.server.scalar("SELECT phone FROM notifications") == kNormalized);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'notification.queue'") == 1);
}

BOOST_AUTO_TEST_CASE(a_template_is_rendered_with_the_customers_variables_when_queued) {
    WhatsAppFixture fixture;
    fixture.with_context([&](app::Context& context) {
        const auto customer_id = std::stoll(fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'"));
        services::NotificationRequest request(services::MessageClass::Bulk);
        request.key = "reminder:test";
        request.customer_id = customer_id;
        request.template_key = "reminder";
        request.variables = {{"periode", "Januari 2026"}, {"invoice_no", "INV-202601-00001"}, {"total", "Rp 166.500"},
                             {"due_date", "20 Januari 2026"}, {"payment_link", "http://x/billing/CUST001"}};
        auto queued = services::queue_notification(context, request);
        BOOST_TEST_REQUIRE(queued.ok(), (queued ? "" : queued.error().message()));
        const std::string name = fixture.server.scalar("SELECT name FROM customers WHERE service_number = 'CUST001'");
        const std::string body = fixture.server.scalar("SELECT body FROM notifications WHERE id = " + std::to_string(queued->id));
        BOOST_TEST(body.find("*" + name + "*") != std::string::npos, body);
        BOOST_TEST(body.find("INV-202601-00001") != std::string::npos);
        BOOST_TEST(body.find('{') == std::string::npos, body);
        BOOST_TEST(fixture.server.scalar("SELECT phone FROM notifications") == fixture.phone_of("CUST001"));

        request.key = "reminder:missing";
        request.variables.erase("payment_link");
        auto missing = services::queue_notification(context, request);
        BOOST_TEST_REQUIRE(!missing.ok());
        BOOST_TEST(missing.error().fields.at("variables") == "tidak ada nilai untuk: {payment_link}");
    });
}

BOOST_AUTO_TEST_CASE(messages_drain_at_exactly_the_configured_spacing) {
    WhatsAppFixture fixture;
    const std::int64_t start = fixture.server.clock().now();
    for (int i = 0; i < 10; ++i) fixture.queue("spacing:" + std::to_string(i), kPhone, "pesan " + std::to_string(i));
    fixture.run_for(40, 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent'") == 10);
    for (int i = 0; i < 10; ++i) {
        const auto sent_at = fixture.count("SELECT sent_at FROM notifications WHERE idempotency_key = 'spacing:" + std::to_string(i) + "'");
        BOOST_TEST(sent_at == start + 2 * i, "message " << i);
    }
    const auto messages = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(messages.size() == 10u);
    for (int i = 0; i < 10; ++i) BOOST_TEST(messages[i].message == "pesan " + std::to_string(i));
    BOOST_TEST(messages[0].to == kNormalized);
    BOOST_TEST(messages[0].driver == "fonnte");
}

BOOST_AUTO_TEST_CASE(a_configured_rate_of_five_seconds_is_honoured) {
    WhatsAppFixture fixture;
    fixture.configure("mpwa", {{"whatsapp_rate_limit_seconds", "5"}});
    for (int i = 0; i < 4; ++i) fixture.queue("rate5:" + std::to_string(i), kPhone, "m" + std::to_string(i));
    const auto first = fixture.drain();
    BOOST_TEST(first.sent == 1);
    BOOST_TEST(first.stopped_by == "rate_limit");
    BOOST_TEST_REQUIRE(first.next_due_at.has_value());
    BOOST_TEST(*first.next_due_at == fixture.server.clock().now() + 5);
    fixture.server.clock().advance(4);
    BOOST_TEST(fixture.drain().sent == 0);
    fixture.server.clock().advance(1);
    BOOST_TEST(fixture.drain().sent == 1);
    BOOST_TEST(fixture.simulator.messages().size() == 2u);
    BOOST_TEST(fixture.simulator.messages()[0].driver == "mpwa");
}

BOOST_AUTO_TEST_CASE(gateway_down_for_a_while_then_every_message_is_delivered_exactly_once) {
    WhatsAppFixture fixture;
    fixture.simulator.set_mode(sim::SimMode::Error500);
    for (int i = 0; i < 5; ++i) fixture.queue("down:" + std::to_string(i), kPhone, "tagihan " + std::to_string(i));
    fixture.run_for(60, 10);  // ten minutes of outage
    BOOST_TEST(fixture.simulator.messages().empty());
    BOOST_TEST(fixture.simulator.send_requests() > 5);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'queued' AND attempts >= 2") == 5);
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM notifications LIMIT 1") == "gateway sedang bermasalah: HTTP 500");

    fixture.simulator.set_mode(sim::SimMode::Ok);
    fixture.run_for(240, 30);  // two hours: longer than the backoff cap
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent'") == 5);
    const auto delivered = deliveries_by_body(fixture.simulator);
    BOOST_TEST(delivered.size() == 5u);
    for (const auto& [body, times] : delivered) BOOST_TEST(times == 1, body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notification_attempts WHERE outcome = 'sent'") == 5);
}

BOOST_AUTO_TEST_CASE(retries_back_off_exponentially_and_give_up_after_max_attempts) {
    WhatsAppFixture fixture;
    fixture.configure("fonnte", {{"whatsapp_max_attempts", "3"}});
    fixture.simulator.set_mode(sim::SimMode::TokenInvalid);
    const auto queued = fixture.queue("giveup", kPhone, "halo");
    const std::int64_t start = fixture.server.clock().now();
    fixture.drain();
    BOOST_TEST(fixture.count("SELECT next_attempt_at FROM notifications") == start + 60);
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM notifications") == "gateway menolak pesan: invalid token");
    fixture.server.clock().set(start + 60);
    fixture.drain();
    BOOST_TEST(fixture.count("SELECT next_attempt_at FROM notifications") == start + 60 + 120);
    fixture.server.clock().set(start + 180);
    const auto last = fixture.drain();
    BOOST_TEST(last.failed == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE id = " + std::to_string(queued.id)) == "failed");
    BOOST_TEST(fixture.count("SELECT attempts FROM notifications") == 3);
    BOOST_TEST(fixture.server.joined("SELECT outcome FROM notification_attempts ORDER BY id") == "retry,retry,failed");
    fixture.run_for(10, 3600);
    BOOST_TEST(fixture.simulator.send_requests() == 3);
}

BOOST_AUTO_TEST_CASE(a_timeout_is_retried) {
    WhatsAppFixture fixture;
    fixture.configure("gowa", {{"whatsapp_timeout_seconds", "1"}});
    fixture.simulator.set_delay_ms(1500);
    fixture.queue("slow", kPhone, "lambat");
    BOOST_TEST(fixture.drain().retried == 1);
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM notifications").starts_with("gateway tidak menjawab dalam batas waktu: "));
    fixture.simulator.set_delay_ms(0);
    fixture.server.clock().advance(60);
    BOOST_TEST(fixture.drain().sent == 1);
    // The slow answer may have been recorded too: that is the gateway's at-least-once, at most one extra.
    BOOST_TEST(fixture.simulator.messages().size() >= 1u);
    BOOST_TEST(fixture.simulator.messages().size() <= 2u);
}

BOOST_AUTO_TEST_CASE(a_restart_mid_send_loses_nothing_and_duplicates_at_most_the_interrupted_message) {
    WhatsAppFixture fixture;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 4; ++i) ids.push_back(fixture.queue("restart:" + std::to_string(i), kPhone, "pesan " + std::to_string(i)).id);
    // A worker claimed message 0, the gateway received it, and the process died before recording it.
    const std::int64_t now = fixture.server.clock().now();
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(context.db.execute("UPDATE notifications SET status = 'sending', attempts = 1, lease_until = " +
                                              std::to_string(now + 300) + " WHERE id = " + std::to_string(ids[0])).ok());
        BOOST_TEST_REQUIRE(context.db.execute("INSERT INTO messenger_state(gateway, last_attempt_at) VALUES ('fonnte:" +
                                              fixture.simulator.options().sender + "', " + std::to_string(now) + ")").ok());
    });
    auto messenger = whatsapp::make_fonnte_messenger({"fonnte", fixture.simulator.base_url(), fixture.simulator.options().sender,
                                                      fixture.simulator.options().api_key});
    BOOST_TEST_REQUIRE(messenger->send(kNormalized, "pesan 0").delivered);

    // A new process on the same database file, with its own clock.
    app::Config config;
    config.db_path = fixture.server.db_path();
    config.secret_key_file = fixture.server.secret_key_file();
    auto clock = std::make_shared<app::ManualClock>(now);
    auto reopened = app::App::open(config, clock);
    BOOST_TEST_REQUIRE(reopened.ok());
    app::App& restarted = **reopened;

    // The rate limit survived the restart: nothing goes out in the same second.
    BOOST_TEST(fixture.drain(&restarted).stopped_by == "rate_limit");
    for (int i = 0; i < 400; ++i) {
        fixture.drain(&restarted);
        clock->advance(1);
    }
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent'") == 4);
    const auto delivered = deliveries_by_body(fixture.simulator);
    BOOST_TEST(delivered.size() == 4u);
    BOOST_TEST(delivered.at("pesan 0") == 2);  // at-least-once: the interrupted send repeats once
    for (int i = 1; i < 4; ++i) BOOST_TEST(delivered.at("pesan " + std::to_string(i)) == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notification_attempts WHERE outcome = 'lease_expired'") == 1);
    // Message 0 was only taken again once its lease had expired.
    BOOST_TEST(fixture.count("SELECT sent_at FROM notifications WHERE id = " + std::to_string(ids[0])) >= now + 300);
}

BOOST_AUTO_TEST_CASE(quiet_hours_hold_reminders_until_morning_but_not_bot_replies) {
    WhatsAppFixture fixture;
    const std::int64_t night = unix_from_local(LocalDateTime{{2026, 1, 15}, 22, 30, 0}, UtcOffset{420});
    const std::int64_t morning = unix_from_local(LocalDateTime{{2026, 1, 16}, 7, 0, 0}, UtcOffset{420});
    fixture.server.clock().set(night);
    fixture.queue("night:reminder", kPhone, "pengingat");
    fixture.queue("night:bot", kPhone, "balasan bot", services::MessageClass::Transactional);
    auto report = fixture.drain();
    BOOST_TEST(report.sent == 1);
    fixture.server.clock().advance(2);
    report = fixture.drain();
    BOOST_TEST(report.sent == 0);
    BOOST_TEST(report.stopped_by == "quiet_hours");
    BOOST_TEST_REQUIRE(report.next_due_at.has_value());
    BOOST_TEST(*report.next_due_at == morning);
    BOOST_TEST(fixture.simulator.messages().size() == 1u);
    BOOST_TEST(fixture.simulator.messages()[0].message == "balasan bot");
    fixture.server.clock().set(morning - 1);
    BOOST_TEST(fixture.drain().sent == 0);
    fixture.server.clock().set(morning);
    BOOST_TEST(fixture.drain().sent == 1);
    BOOST_TEST(fixture.count("SELECT sent_at FROM notifications WHERE idempotency_key = 'night:reminder'") == morning);
}

BOOST_AUTO_TEST_CASE(an_unconfigured_gateway_keeps_messages_queued) {
    WhatsAppFixture fixture;
    fixture.configure("fonnte", {{"whatsapp_api_url", ""}});
    fixture.queue("later", kPhone, "nanti");
    fixture.with_context([&](app::Context& context) {
        auto messenger = whatsapp::messenger_from_settings(context.db, context.secrets);
        BOOST_TEST_REQUIRE(!messenger.ok());
        BOOST_TEST(messenger.error().http_status() == 503);
    });
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications") == "queued");
}

BOOST_AUTO_TEST_SUITE_END()
