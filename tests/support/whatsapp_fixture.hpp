#pragma once
// Integration-test support for WhatsApp: a seeded TestServer wired to an in-process gateway
// simulator, with helpers to configure the driver and drain the outbox on the ManualClock.
#include <boost/test/unit_test.hpp>

#include "services/notification_service.hpp"
#include "services/outbox.hpp"
#include "services/settings.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"
#include "support/test_server_support.hpp"

namespace kimonet::testing {

struct WhatsAppFixture {
    TestServer server;
    sim::WhatsAppSimulator simulator{sim::WhatsAppSimulatorOptions{.webhook_secret = "hook-secret"}};

    explicit WhatsAppFixture(const std::string& driver = "fonnte") {
        auto started = simulator.start();
        BOOST_TEST_REQUIRE(started.ok());
        simulator.set_webhook_base(server.url(""));
        configure(driver);
    }

    void configure(const std::string& driver, std::map<std::string, std::string> extra = {}) {
        std::map<std::string, std::string> values = {
            {"whatsapp_driver", driver},
            {"whatsapp_api_url", simulator.base_url()},
            {"whatsapp_sender", simulator.options().sender},
            {"whatsapp_api_key", driver == "gowa" ? simulator.options().basic_auth : simulator.options().api_key},
            {"whatsapp_webhook_secret", "hook-secret"},
            {"whatsapp_timeout_seconds", "2"},
        };
        for (auto& [key, value] : extra) values[key] = value;
        with_context([&](app::Context& context) {
            auto updated = services::update_settings(context, values);
            BOOST_TEST_REQUIRE(updated.ok(), (updated ? "" : updated.error().message()));
        });
    }

    // Sends `text` from `phone` through the simulator to our `driver` webhook, drains the outbox, and
    // returns the reply the simulator recorded for that number ("" when none).
    std::string converse(const std::string& driver, const std::string& phone, const std::string& text, const std::string& id = {}) {
        const auto before = simulator.messages().size();
        const auto answer = simulator.deliver_inbound(driver, phone, text, id);
        BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
        drain();
        server.clock().advance(2);
        const auto messages = simulator.messages();
        if (messages.size() == before) return {};
        BOOST_TEST(messages.back().to == phone);
        return messages.back().message;
    }

    template <typename Work>
    void with_context(Work work, app::App* app = nullptr) {
        app::App& target = app ? *app : server.app();
        auto lease = target.database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = target.context(**lease, app::Actor{"system", 0, "test", ""});
        work(context);
    }

    services::QueuedNotification queue(const std::string& key, const std::string& phone, const std::string& body,
                                      services::MessageClass message_class = services::MessageClass::Bulk) {
        services::QueuedNotification queued;
        with_context([&](app::Context& context) {
            services::NotificationRequest request(message_class);
            request.key = key;
            request.phone = phone;
            request.body = body;
            auto result = services::queue_notification(context, request);
            BOOST_TEST_REQUIRE(result.ok(), (result ? "" : result.error().message()));
            queued = *result;
        });
        return queued;
    }

    services::DrainReport drain(app::App* app = nullptr) {
        app::App& target = app ? *app : server.app();
        auto lease = target.database();
        BOOST_TEST_REQUIRE(lease.ok());
        auto messenger = whatsapp::messenger_from_settings(**lease, target.secrets());
        BOOST_TEST_REQUIRE(messenger.ok());
        auto limits = services::outbox_limits(**lease);
        BOOST_TEST_REQUIRE(limits.ok());
        auto report = services::drain_outbox(**lease, target.clock(), target.config().utc_offset, **messenger, *limits);
        BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
        return *report;
    }

    // Drains and advances the clock `step` seconds, `rounds` times.
    void run_for(int rounds, int step) {
        for (int i = 0; i < rounds; ++i) {
            drain();
            server.clock().advance(step);
        }
    }

    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    std::string phone_of(const std::string& service_number) {
        return server.scalar("SELECT phone FROM customers WHERE service_number = '" + service_number + "'");
    }
};

}  // namespace kimonet::testing
