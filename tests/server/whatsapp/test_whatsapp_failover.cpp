// Issue 22: a primary and a backup WhatsApp gateway. The primary breaks in the middle of a batch
// (it starts answering 500, or its device drops the session); every message is delivered exactly
// once across the two simulators. The session health job alerts the owner once per lost session,
// through the backup, and feeds the dashboard banner.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <map>

#include "core/whatsapp_failover_messages.hpp"
#include "jobs/scheduler.hpp"
#include "services/outbox_failover.hpp"
#include "services/whatsapp_session_health.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

constexpr const char* kFailoverPhone = "081234567890";
constexpr const char* kOwnerPhone = "081299990000";

// The primary (fonnte, the fixture's simulator) and a backup (mpwa, a second simulator with its
// own device number), no spacing between messages so one drain sends a whole batch.
struct FailoverFixture : WhatsAppFixture {
    sim::WhatsAppSimulator backup{sim::WhatsAppSimulatorOptions{.sender = "6281277770000"}};

    FailoverFixture() {
        BOOST_TEST_REQUIRE(backup.start().ok());
        configure("fonnte", {{"whatsapp_rate_limit_seconds", "0"},
                             {"whatsapp_backup_driver", "mpwa"},
                             {"whatsapp_backup_api_url", backup.base_url()},
                             {"whatsapp_backup_sender", backup.options().sender},
                             {"whatsapp_backup_api_key", backup.options().api_key},
                             {"whatsapp_backup_timeout_seconds", "2"},
                             {"whatsapp_owner_phone", kOwnerPhone}});
    }

    services::DrainReport drain_with_failover() {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        auto report = services::drain_configured_outbox(**lease, server.app().ports(), server.app().secrets(), server.clock(),
                                                        server.app().config().utc_offset);
        BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
        return *report;
    }

    api::Json check_session() {
        api::Json result;
        with_context([&](app::Context& context) {
            auto checked = services::check_whatsapp_session(context);
            BOOST_TEST_REQUIRE(checked.ok(), (checked ? "" : checked.error().message()));
            result = *checked;
        });
        return result;
    }
};

// How many times each body arrived, over both gateways.
std::map<std::string, int> delivered_bodies(const std::vector<const sim::WhatsAppSimulator*>& simulators) {
    std::map<std::string, int> out;
    for (const auto* simulator : simulators)
        for (const auto& message : simulator->messages()) out[message.message] += 1;
    return out;
}

void check_each_delivered_once(FailoverFixture& fixture, int expected) {
    const auto delivered = delivered_bodies({&fixture.simulator, &fixture.backup});
    BOOST_TEST(delivered.size() == static_cast<std::size_t>(expected));
    for (const auto& [body, times] : delivered) BOOST_TEST(times == 1, body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent'") == expected);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(whatsapp_failover)

BOOST_DATA_TEST_CASE(a_primary_breaking_mid_batch_hands_the_rest_to_the_backup_each_message_once, boost::unit_test::data::make({false, true}),
                     disconnects) {
    FailoverFixture fixture;
    fixture.simulator.break_after(3, sim::SimMode::Error500, disconnects);
    for (int i = 0; i < 8; ++i) fixture.queue("batch:" + std::to_string(i), kFailoverPhone, "pesan " + std::to_string(i));
    const auto report = fixture.drain_with_failover();
    BOOST_TEST(report.sent == 8);
    BOOST_TEST(report.failed_over == 1);
    BOOST_TEST(report.retried == 0);
    BOOST_TEST(fixture.simulator.messages().size() == 3u);
    BOOST_TEST(fixture.backup.messages().size() == 5u);
    BOOST_TEST(fixture.simulator.send_requests() == 4);  // three delivered, one refused, then none: the rest went to the backup
    check_each_delivered_once(fixture, 8);
    // The delivery log says which gateway delivered each one, and why the fourth moved.
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent' AND gateway = 'fonnte:6281200000000'") == 3);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent' AND gateway = 'mpwa:6281277770000'") == 5);
    BOOST_TEST(fixture.server.scalar("SELECT gateway FROM notifications WHERE idempotency_key = 'batch:3'") == "mpwa:6281277770000");
    const std::string moved = fixture.server.scalar(
        "SELECT detail FROM notification_attempts WHERE outcome = 'retry' AND gateway = 'fonnte:6281200000000'");
    BOOST_TEST(moved.starts_with(messages::kWhatsappFailedOver), moved);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notification_attempts WHERE outcome = 'sent'") == 8);

    // The next batch tries the primary once more (it may be back), then the backup again.
    for (int i = 8; i < 11; ++i) fixture.queue("batch:" + std::to_string(i), kFailoverPhone, "pesan " + std::to_string(i));
    const auto again = fixture.drain_with_failover();
    BOOST_TEST(again.sent == 3);
    BOOST_TEST(again.failed_over == 1);
    check_each_delivered_once(fixture, 11);
}

BOOST_AUTO_TEST_CASE(a_timed_out_send_is_retried_later_never_moved_at_once_so_it_cannot_arrive_twice) {
    FailoverFixture fixture;
    fixture.configure("fonnte", {{"whatsapp_timeout_seconds", "1"}, {"whatsapp_rate_limit_seconds", "0"}});
    fixture.simulator.set_mode(sim::SimMode::Timeout, 1);
    fixture.simulator.set_delay_ms(1500);
    fixture.queue("slow:1", kFailoverPhone, "pesan lambat");
    const auto report = fixture.drain_with_failover();
    BOOST_TEST(report.failed_over == 0);
    BOOST_TEST(report.retried == 1);
    BOOST_TEST(fixture.backup.send_requests() == 0);
    // The gateway is slow, not gone: with a longer timeout the retry gets through (the simulator
    // answers one request at a time, so the retry also waits for the timed-out one to finish).
    fixture.configure("fonnte", {{"whatsapp_timeout_seconds", "4"}, {"whatsapp_rate_limit_seconds", "0"}});
    fixture.server.clock().advance(3600);  // past the backoff
    BOOST_TEST(fixture.drain_with_failover().sent == 1);
    check_each_delivered_once(fixture, 1);
    BOOST_TEST(fixture.simulator.messages().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_lost_session_alerts_the_owner_once_through_the_backup_and_again_after_it_came_back) {
    FailoverFixture fixture;
    const auto healthy = fixture.check_session();
    BOOST_TEST(healthy["outcome"] == "healthy");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_session_incidents") == 0);

    fixture.simulator.set_connected(false);
    const auto lost = fixture.check_session();
    BOOST_TEST(lost["outcome"] == "lost");
    BOOST_TEST(lost["state"] == "qr_required");  // Fonnte offers a QR for a disconnected device
    BOOST_TEST(lost["alerted"] == true);
    // A customer's receipt queued meanwhile and the owner's alert both start on the backup: the primary is not asked.
    fixture.queue("receipt:1", kFailoverPhone, "kuitansi", services::MessageClass::Transactional);
    BOOST_TEST(fixture.drain_with_failover().sent == 2);
    BOOST_TEST(fixture.simulator.send_requests() == 0);
    const auto backup = fixture.backup.messages();
    BOOST_TEST_REQUIRE(backup.size() == 2u);
    const std::string alert = backup[0].to == "6281299990000" ? backup[0].message : backup[1].message;
    BOOST_TEST(alert.find(messages::kWhatsappSessionQrRequired) != std::string::npos, alert);
    BOOST_TEST(alert.find("fonnte:6281200000000") != std::string::npos, alert);

    fixture.server.clock().advance(300);
    BOOST_TEST(fixture.check_session()["outcome"] == "still_lost");
    fixture.server.clock().advance(300);
    BOOST_TEST(fixture.check_session()["outcome"] == "still_lost");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'whatsapp_session_alert'") == 1);

    fixture.simulator.set_connected(true);
    BOOST_TEST(fixture.check_session()["outcome"] == "recovered");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_session_incidents WHERE closed_at IS NULL") == 0);
    fixture.queue("after:1", kFailoverPhone, "kembali normal");
    fixture.drain_with_failover();
    BOOST_TEST(fixture.simulator.messages().size() == 1u);  // the primary again

    fixture.simulator.set_connected(false);
    const auto again = fixture.check_session();
    BOOST_TEST(again["outcome"] == "lost");
    BOOST_TEST(again["alerted"] == true);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'whatsapp_session_alert'") == 2);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_session_incidents") == 2);
}

BOOST_AUTO_TEST_CASE(without_a_backup_or_an_owner_number_the_banner_is_the_only_alert) {
    FailoverFixture fixture;
    fixture.configure("fonnte", {{"whatsapp_backup_driver", ""}});
    fixture.simulator.set_connected(false);
    const auto lost = fixture.check_session();
    BOOST_TEST(lost["outcome"] == "lost");
    BOOST_TEST(lost["alerted"] == false);
    BOOST_TEST(lost["alert_skipped"] == "tidak ada gateway cadangan");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 0);
}

BOOST_AUTO_TEST_CASE(the_dashboard_banner_is_for_roles_that_can_fix_it_and_goes_when_the_session_is_back) {
    FailoverFixture fixture;
    fixture.simulator.set_connected(false);
    fixture.check_session();
    const std::string admin = fixture.server.login("admin");
    const auto shown = fixture.server.get("/api/dashboard", admin).json();
    BOOST_TEST_REQUIRE(shown["data"]["whatsapp_session"].is_object(), shown.dump());
    BOOST_TEST(shown["data"]["whatsapp_session"]["state"] == "qr_required");
    BOOST_TEST(shown["data"]["whatsapp_session"]["gateway"] == "fonnte:6281200000000");
    for (const char* role : {"finance", "technician"}) {
        const auto hidden = fixture.server.get("/api/dashboard", fixture.server.login(role)).json();
        BOOST_TEST(!hidden["data"].contains("whatsapp_session"), role);
    }
    fixture.simulator.set_connected(true);
    fixture.check_session();
    BOOST_TEST(fixture.server.get("/api/dashboard", admin).json()["data"]["whatsapp_session"].is_null());
}

BOOST_AUTO_TEST_CASE(the_backup_key_is_write_only_and_lower_roles_cannot_change_the_backup) {
    FailoverFixture fixture;
    const std::string before = fixture.server.scalar("SELECT value FROM settings WHERE key = 'whatsapp_backup_api_key'");
    for (const char* role : {"finance", "technician"}) {
        const auto refused = fixture.server.put("/api/settings",
                                                R"({"whatsapp_backup_api_key":"stolen","whatsapp_backup_api_url":"http://127.0.0.1:1"})",
                                                fixture.server.login(role));
        BOOST_TEST(refused.status == 403, role);
    }
    BOOST_TEST(fixture.server.scalar("SELECT value FROM settings WHERE key = 'whatsapp_backup_api_key'") == before);
    BOOST_TEST(fixture.server.scalar("SELECT value FROM settings WHERE key = 'whatsapp_backup_api_url'") == fixture.backup.base_url());
    // Sealed at rest, and never read back.
    BOOST_TEST(before.find(fixture.backup.options().api_key) == std::string::npos);
    const auto read = fixture.server.get("/api/settings", fixture.server.login("admin"));
    BOOST_TEST(read.status == 200);
    BOOST_TEST(read.body.find(fixture.backup.options().api_key) == std::string::npos);
    // A bad backup driver is refused like a bad primary one.
    const auto bad = fixture.server.put("/api/settings", R"({"whatsapp_backup_driver":"smtp"})", fixture.server.login("admin"));
    BOOST_TEST(bad.status == 422);
}

BOOST_AUTO_TEST_CASE(the_health_check_is_a_scheduled_job) {
    bool found = false;
    for (const auto& job : jobs::default_jobs(store::Engine::Sqlite))
        if (job.name == "whatsapp_health") found = job.schedule_setting == "whatsapp_health_schedule";
    BOOST_TEST(found);
    BOOST_TEST(services::find_setting_definition("whatsapp_health_schedule")->default_value == std::string("*/5 * * * *"));
}

BOOST_AUTO_TEST_SUITE_END()
