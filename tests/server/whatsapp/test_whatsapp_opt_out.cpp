// Issue 22: STOP / BERHENTI to the bot opts the number out of bulk messages (reminders, dunning,
// new-invoice and outage notices, broadcasts) until START / MULAI; receipts and replies still go.
// Only the customer's own message through the authenticated webhook changes it.
#include <boost/test/unit_test.hpp>

#include "core/whatsapp_failover_messages.hpp"
#include "services/dunning_service.hpp"
#include "services/whatsapp_opt_out.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

std::string say(WhatsAppFixture& fixture, const std::string& phone, const std::string& text, const std::string& id = {}) {
    return fixture.converse("fonnte", phone, text, id);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

services::QueuedNotification queue_for(WhatsAppFixture& fixture, const std::string& key, std::int64_t customer_id, services::MessageClass message_class) {
    services::QueuedNotification queued;
    fixture.with_context([&](app::Context& context) {
        services::NotificationRequest request(message_class);
        request.key = key;
        request.customer_id = customer_id;
        request.body = "pesan " + key;
        auto result = services::queue_notification(context, request);
        BOOST_TEST_REQUIRE(result.ok(), (result ? "" : result.error().message()));
        queued = *result;
    });
    return queued;
}

std::int64_t opt_outs(WhatsAppFixture& fixture) { return fixture.count("SELECT COUNT(*) FROM whatsapp_opt_outs"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(whatsapp_opt_out)

BOOST_AUTO_TEST_CASE(the_keywords_are_whole_messages_in_any_case) {
    using services::OptOutCommand;
    BOOST_TEST((services::opt_out_command("STOP") == OptOutCommand::Stop));
    BOOST_TEST((services::opt_out_command("  berhenti \n") == OptOutCommand::Stop));
    BOOST_TEST((services::opt_out_command("Stop!") == OptOutCommand::Stop));
    BOOST_TEST((services::opt_out_command("mulai") == OptOutCommand::Start));
    BOOST_TEST((services::opt_out_command("START.") == OptOutCommand::Start));
    BOOST_TEST((services::opt_out_command("stop dulu ya") == OptOutCommand::None));
    BOOST_TEST((services::opt_out_command("jangan berhenti") == OptOutCommand::None));
    BOOST_TEST((services::opt_out_command("status") == OptOutCommand::None));
}

BOOST_AUTO_TEST_CASE(stop_silences_bulk_messages_cancels_the_queued_ones_and_start_lifts_it) {
    WhatsAppFixture fixture;
    const std::int64_t customer = fixture.count("SELECT id FROM customers WHERE service_number = 'CUST001'");
    const std::string phone = fixture.phone_of("CUST001");
    // A reminder waiting for the morning (quiet hours) when the customer says stop.
    fixture.server.clock().advance(13 * 3600);  // 22:00 WIB
    const auto waiting = queue_for(fixture, "reminder:early", customer, services::MessageClass::Bulk);
    const std::string confirmation = say(fixture, phone, "  Berhenti ");
    BOOST_TEST(has(confirmation, "tidak akan lagi menerima pengingat tagihan"), confirmation);
    BOOST_TEST(has(confirmation, "Bukti pembayaran"), confirmation);
    BOOST_TEST(has(confirmation, "*MULAI*"), confirmation);
    BOOST_TEST(fixture.server.scalar("SELECT keyword FROM whatsapp_opt_outs WHERE phone = '" + phone + "'") == "BERHENTI");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE id = " + std::to_string(waiting.id)) == "cancelled");
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM notifications WHERE id = " + std::to_string(waiting.id)) == messages::kWhatsappOptedOut);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'whatsapp.opt_out'") == 1);

    // New bulk messages are kept, cancelled, in the log; a receipt still goes.
    fixture.server.clock().advance(11 * 3600);  // 09:00 the next day
    const auto reminder = queue_for(fixture, "reminder:later", customer, services::MessageClass::Bulk);
    BOOST_TEST(reminder.opted_out);
    BOOST_TEST(reminder.status == "cancelled");
    queue_for(fixture, "receipt:1", customer, services::MessageClass::Transactional);
    const auto before = fixture.simulator.messages().size();
    fixture.run_for(3, 2);
    const auto sent = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(sent.size() == before + 1);
    BOOST_TEST(sent.back().message == "pesan receipt:1");

    // Staff see it on the customer page, and cannot send the cancelled reminder anyway.
    const std::string admin = fixture.server.login("admin");
    const auto page = fixture.server.get("/api/customers/" + std::to_string(customer), admin).json();
    BOOST_TEST(page["data"]["whatsapp_opt_out"]["keyword"] == "BERHENTI");
    const auto resend = fixture.server.post("/api/notifications/" + std::to_string(reminder.id) + "/resend", "{}", admin);
    BOOST_TEST(resend.status == 409, resend.body);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE id = " + std::to_string(reminder.id)) == "cancelled");

    // A broadcast counts the number as opted out and sends it nothing.
    const auto broadcast = fixture.server.post("/api/notifications/broadcast", R"({"segment":{"all":true},"message":"Info"})", admin);
    BOOST_TEST_REQUIRE(broadcast.status == 201, broadcast.body);
    BOOST_TEST(broadcast.json()["data"]["opted_out"].get<int>() >= 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "' AND template = 'broadcast' AND status <> 'cancelled'") == 0);

    // MULAI lifts it: the next reminder is queued as usual.
    const std::string back = say(fixture, phone, "mulai");
    BOOST_TEST(has(back, "kembali menerima"), back);
    BOOST_TEST(opt_outs(fixture) == 0);
    BOOST_TEST(fixture.server.get("/api/customers/" + std::to_string(customer), admin).json()["data"]["whatsapp_opt_out"].is_null());
    BOOST_TEST(!queue_for(fixture, "reminder:after", customer, services::MessageClass::Bulk).opted_out);
}

BOOST_AUTO_TEST_CASE(dunning_skips_the_message_of_an_opted_out_customer_and_says_so) {
    WhatsAppFixture fixture;
    const std::string admin = fixture.server.login("superadmin");
    const api::Json body = {{"customer_id", 2}, {"due_date", "2026-01-24"},
                            {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", 150000}}}}};
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices", body.dump(), admin).status == 201);
    say(fixture, fixture.server.scalar("SELECT phone FROM customers WHERE id = 2"), "STOP");
    fixture.server.clock().set(unix_from_local(LocalDateTime{{2026, 1, 17}, 9, 0, 0}, UtcOffset{420}));
    fixture.with_context([&](app::Context& context) {
        auto report = services::run_dunning(context, services::DunningOptions{});
        BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    });
    const std::string result = fixture.server.scalar("SELECT result FROM dunning_actions WHERE customer_id = 2 AND action = 'remind'");
    BOOST_TEST(result.starts_with(messages::kWhatsappOptedOut), result);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE customer_id = 2 AND template = 'reminder'") == "cancelled");
}

BOOST_AUTO_TEST_CASE(a_forged_or_tokenless_webhook_cannot_opt_a_customer_out) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST003");
    const auto forged = fixture.simulator.deliver_inbound("fonnte", phone, "STOP", {}, true);
    BOOST_TEST(forged.status == 401, forged.body);
    const auto bare = kimonet::testing::http_request("POST", fixture.server.url("/webhook/whatsapp/fonnte"),
                                   api::Json{{"device", "6281200000000"}, {"sender", phone}, {"message", "STOP"}}.dump(),
                                   {{"Content-Type", "application/json"}});
    BOOST_TEST(bare.status == 401, bare.body);
    const auto signed_badly = fixture.simulator.deliver_inbound("gowa", phone, "BERHENTI", "forged-stop", true);
    BOOST_TEST((signed_badly.status == 401 || signed_badly.status == 404), signed_badly.body);  // gowa is not configured: closed
    BOOST_TEST(opt_outs(fixture) == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'whatsapp.opt_out'") == 0);
}

BOOST_AUTO_TEST_CASE(stop_sent_to_the_backup_number_is_heard_and_other_webhooks_stay_closed) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST004");
    // Without a backup only the primary's (fonnte) webhook is open.
    BOOST_TEST(fixture.simulator.deliver_inbound("mpwa", phone, "STOP").status == 404);
    BOOST_TEST(opt_outs(fixture) == 0);
    fixture.configure("fonnte", {{"whatsapp_backup_driver", "mpwa"}, {"whatsapp_backup_api_url", "http://127.0.0.1:9"}});
    BOOST_TEST(fixture.simulator.deliver_inbound("mpwa", phone, "STOP", {}, true).status == 401);
    BOOST_TEST(opt_outs(fixture) == 0);
    BOOST_TEST(fixture.simulator.deliver_inbound("mpwa", phone, "STOP").status == 200);
    BOOST_TEST(opt_outs(fixture) == 1);
    BOOST_TEST(fixture.simulator.deliver_inbound("gowa", phone, "MULAI", "gowa-1").status == 404);
    BOOST_TEST(opt_outs(fixture) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
