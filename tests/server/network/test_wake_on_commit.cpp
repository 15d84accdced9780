// A customer who pays does not wait for a worker's poll: the payment's commit wakes the network
// worker (restore on the router, read back) and the outbox worker (the receipt goes to WhatsApp).
// Both workers poll only once an hour here, so only the wake-up can make either happen in time.
#include <boost/test/unit_test.hpp>

#include "jobs/network_runner.hpp"
#include "jobs/outbox_runner.hpp"
#include "network_fixture.hpp"
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

BOOST_AUTO_TEST_SUITE_END()
