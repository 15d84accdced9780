// A gateway payment restores an isolated customer on the router: public bill page pay → gateway
// simulator (Flip) → signed callback → invoice paid + pending restore → the network worker
// `kimonet serve` runs → the simulated router has the package profile again. The latency is printed
// (timing budgets live in bench/, never in tests).
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include "jobs/network_runner.hpp"
#include "network_fixture.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(payment_restore, *boost::unit_test::label("slow"))

BOOST_AUTO_TEST_CASE(a_gateway_payment_restores_the_customer_on_the_router_through_the_network_worker) {
    NetworkFixture fixture;
    sim::PaymentGatewaySimulator gateway{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};
    BOOST_TEST_REQUIRE(gateway.start().ok());
    gateway.set_callback_base(fixture.server.url(""));
    {
        auto lease = fixture.server.app().database();
        app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        const auto& options = gateway.options();
        auto configured = services::update_settings(context, {{"flip_enabled", "1"},
                                                              {"flip_base_url", gateway.gateway_url("flip")},
                                                              {"flip_secret_key", options.flip_secret_key},
                                                              {"flip_validation_token", options.flip_validation_token},
                                                              {"payment_callback_base_url", fixture.server.url("")}});
        BOOST_TEST_REQUIRE(configured.ok());
    }
    const std::string package = fixture.package_profile(2);
    BOOST_TEST_REQUIRE(fixture.server.post("/api/customers/2/isolate", R"({"reason":"tunggakan"})", fixture.token).status == 200);
    BOOST_TEST_REQUIRE(fixture.profile_on_router(2) == "ISOLIR");

    const std::string finance = fixture.server.login("finance");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    const api::Json invoice = fixture.server.get("/api/invoices?customer_id=2", finance).json()["data"][0];
    auto paid = fixture.server.post("/billing/pay", api::Json{{"invoice_id", invoice["id"]}, {"gateway", "flip"}, {"method", "bni_va"}}.dump());
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);

    jobs::NetworkRunner worker(fixture.server.app());
    worker.start();
    BOOST_TEST_REQUIRE(gateway.pay(paid.json()["transaction_id"].get<std::string>()));
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST_REQUIRE(gateway.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    // Poll the simulated router until the package profile is back (bounded; the latency is printed).
    while (fixture.profile_on_router(2) != package && std::chrono::steady_clock::now() - start < std::chrono::seconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    worker.stop();
    BOOST_TEST_MESSAGE("restored on the router " << elapsed.count() << " ms after the gateway was paid");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(invoice["id"].get<std::int64_t>())) == "paid");
    BOOST_TEST(fixture.profile_on_router(2) == package);
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.server.scalar("SELECT result FROM isolation_log WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") == "applied");
    BOOST_TEST(fixture.server.scalar("SELECT action FROM isolation_log WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") == "restore");
}

BOOST_AUTO_TEST_SUITE_END()
