// A customer who pays does not wait for a worker's poll: the payment's commit wakes the network
// worker (restore on the router, read back) and the outbox worker (the receipt goes to WhatsApp).
// Both workers poll only once an hour here, so only the wake-up can make either happen in time.
#include <boost/test/unit_test.hpp>

#include "jobs/network_runner.hpp"
#include "jobs/outbox_runner.hpp"
#include "network_fixture.hpp"
#include "services/notification_service.hpp"
#include "services/outbox.hpp"
#include "services/settings.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr auto kHour = std::chrono::milliseconds(3'600'000);
constexpr auto kPatience = std::chrono::seconds(20);

// Entries of `worker` that did something, so far.
std::size_t rounds(const std::vector<app::WorkerEntry>& entries, const std::string& worker) {
    return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [&](const auto& entry) { return entry.worker == worker && !entry.problem; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wake_on_commit, *boost::unit_test::label("slow"))

BOOST_AUTO_TEST_CASE(a_payment_restores_the_customer_and_sends_the_receipt_without_waiting_for_a_poll) {
    NetworkFixture fixture;
    sim::WhatsAppSimulator whatsapp;
    BOOST_TEST_REQUIRE(whatsapp.start().ok());
    app::App& app = fixture.server.app();
    {
        auto lease = app.database();
        app::Context context = app.context(**lease, app::Actor{"system", 0, "test", ""});
        auto configured = services::update_settings(context, {{"whatsapp_driver", "fonnte"}, {"whatsapp_api_url", whatsapp.base_url()},
                                                              {"whatsapp_sender", whatsapp.options().sender},
                                                              {"whatsapp_api_key", whatsapp.options().api_key},
                                                              {"whatsapp_rate_limit_seconds", "0"}, {"whatsapp_quiet_hours", "off"}});
        BOOST_TEST_REQUIRE(configured.ok());
    }
    const std::string finance = fixture.server.login("finance");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    auto open_invoice = [&](int customer) {
        return fixture.server.get("/api/invoices?customer_id=" + std::to_string(customer) + "&status=unpaid", finance).json()["data"][0];
    };
    auto pay = [&](const api::Json& invoice) {
        auto reply = fixture.server.post("/api/payments",
                                         api::Json{{"invoice_id", invoice["id"]}, {"amount", invoice["total"]}, {"method", "cash"}}.dump(), finance);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    };
    for (int customer : {2, 4}) {
        BOOST_TEST_REQUIRE(fixture.server.post("/api/customers/" + std::to_string(customer) + "/isolate", R"({"reason":"tunggakan"})", fixture.token).status == 200);
        BOOST_TEST_REQUIRE(fixture.profile_on_router(customer) == "ISOLIR");
    }
    // Customer 4 pays before the workers start: their first rounds (at start) restore and send that,
    // then they sleep for an hour.
    pay(open_invoice(4));
    jobs::NetworkRunner network(app, kHour);
    jobs::OutboxRunner outbox(app, 3600);
    network.start();
    outbox.start();
    BOOST_TEST_REQUIRE(app.worker_log().wait_until([](const auto& entries) { return rounds(entries, "network") >= 1 && rounds(entries, "outbox") >= 1; },
                                                   kPatience));
    BOOST_TEST_REQUIRE(fixture.profile_on_router(4) == fixture.package_profile(4));
    const auto before = app.worker_log().entries();

    // Customer 2 pays while both workers sleep.
    const api::Json invoice = open_invoice(2);
    pay(invoice);
    const std::string invoice_no = invoice["invoice_no"];
    auto receipt_sent = [&] {
        for (const auto& message : whatsapp.messages())
            if (message.message.find(invoice_no) != std::string::npos) return true;
        return false;
    };
    const bool woken = app.worker_log().wait_until(
        [&](const auto& entries) {
            return rounds(entries, "network") > rounds(before, "network") && rounds(entries, "outbox") > rounds(before, "outbox") &&
                   fixture.profile_on_router(2) == fixture.package_profile(2) && receipt_sent();
        },
        kPatience);
    network.stop();
    outbox.stop();
    BOOST_TEST(woken, "restored and receipted without a poll");
    BOOST_TEST(fixture.profile_on_router(2) == fixture.package_profile(2));
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.server.scalar("SELECT result FROM isolation_log WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") == "applied");
    BOOST_TEST(receipt_sent());
    BOOST_TEST(app.worker_log().problem_count() == 0);
}

// The whole chain from the customer's side, at night: an isolated customer with a reminder already
// queued pays during quiet hours. They are back online and have their receipt at once; the
// reminder is held by the quiet hours and, when they end, cancelled instead of sent.
BOOST_AUTO_TEST_CASE(at_night_a_paying_isolated_customer_is_restored_and_receipted_and_the_earlier_reminder_never_goes) {
    NetworkFixture fixture;
    sim::WhatsAppSimulator whatsapp;
    BOOST_TEST_REQUIRE(whatsapp.start().ok());
    app::App& app = fixture.server.app();
    const LocalDateTime local = local_from_unix(app.clock().now(), app.config().utc_offset);
    char quiet[16];
    std::snprintf(quiet, sizeof quiet, "%02d:00-%02d:00", (local.hour + 23) % 24, (local.hour + 2) % 24);
    auto with_context = [&](const auto& work) {
        auto lease = app.database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = app.context(**lease, app::Actor{"system", 0, "test", ""});
        work(context);
    };
    with_context([&](app::Context& context) {
        auto configured = services::update_settings(context, {{"whatsapp_driver", "fonnte"}, {"whatsapp_api_url", whatsapp.base_url()},
                                                              {"whatsapp_sender", whatsapp.options().sender},
                                                              {"whatsapp_api_key", whatsapp.options().api_key},
                                                              {"whatsapp_rate_limit_seconds", "0"}, {"whatsapp_quiet_hours", quiet}});
        BOOST_TEST_REQUIRE(configured.ok());
    });
    const std::string finance = fixture.server.login("finance");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    const api::Json invoice = fixture.server.get("/api/invoices?customer_id=2&status=unpaid", finance).json()["data"][0];
    const std::int64_t invoice_id = invoice["id"];
    BOOST_TEST_REQUIRE(fixture.server.post("/api/customers/2/isolate", R"({"reason":"tunggakan"})", fixture.token).status == 200);
    BOOST_TEST_REQUIRE(fixture.profile_on_router(2) == "ISOLIR");
    const std::string reminder_text = "Kami mengingatkan tagihan " + invoice["invoice_no"].get<std::string>() + " belum dibayar.";
    with_context([&](app::Context& context) {
        services::NotificationRequest reminder(services::MessageClass::Bulk);
        reminder.key = "test-reminder:" + std::to_string(invoice_id);
        reminder.customer_id = 2;
        reminder.invoice_id = invoice_id;
        reminder.body = reminder_text;
        BOOST_TEST_REQUIRE(services::queue_notification(context, reminder).ok());
    });

    jobs::NetworkRunner network(app, kHour);
    jobs::OutboxRunner outbox(app, 3600);
    network.start();
    outbox.start();
    BOOST_TEST_REQUIRE(app.worker_log().wait_until([](const auto& entries) { return rounds(entries, "outbox") >= 1; }, kPatience));
    const auto before = app.worker_log().entries();
    auto reply = fixture.server.post("/api/payments", api::Json{{"invoice_id", invoice_id}, {"amount", invoice["total"]}, {"method", "cash"}}.dump(),
                                     finance);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    auto sent_containing = [&](const std::string& text) {
        for (const auto& message : whatsapp.messages())
            if (message.message.find(text) != std::string::npos) return true;
        return false;
    };
    const bool done = app.worker_log().wait_until(
        [&](const auto& entries) {
            return rounds(entries, "outbox") > rounds(before, "outbox") && fixture.profile_on_router(2) == fixture.package_profile(2) &&
                   sent_containing(invoice["invoice_no"].get<std::string>()) &&
                   fixture.server.scalar("SELECT COUNT(*) FROM notifications WHERE template = 'payment_confirmation' AND status = 'sent'") == "1";
        },
        kPatience);
    network.stop();
    outbox.stop();
    BOOST_TEST(done, "restored and receipted in the quiet hours");
    BOOST_TEST(fixture.profile_on_router(2) == fixture.package_profile(2));
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE template = 'payment_confirmation'") == "sent");
    BOOST_TEST(!sent_containing(reminder_text));
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE invoice_id = " + std::to_string(invoice_id) +
                                     " AND template = ''") == "queued");  // held by the quiet hours

    // Morning: the reminder's turn comes, and it is cancelled because the invoice is paid.
    fixture.server.clock().advance(3 * 3600);
    with_context([&](app::Context& context) {
        auto messenger = whatsapp::messenger_from_settings(context.db, app.secrets());
        BOOST_TEST_REQUIRE(messenger.ok());
        auto limits = services::outbox_limits(context.db);
        BOOST_TEST_REQUIRE(limits.ok());
        auto drained = services::drain_outbox(context.db, app.clock(), app.config().utc_offset, **messenger, *limits);
        BOOST_TEST_REQUIRE(drained.ok());
        BOOST_TEST(drained->cancelled == 1);
    });
    BOOST_TEST(!sent_containing(reminder_text));
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE invoice_id = " + std::to_string(invoice_id) +
                                     " AND template = ''") == "cancelled");
    BOOST_TEST(app.worker_log().problem_count() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
