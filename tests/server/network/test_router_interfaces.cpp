// A router reached over the RouterOS 7 REST API through the product's services: the test button
// (POST /api/routers/{id}/test) names the interface that works and why the other does not, and
// isolation / restore go over REST unchanged. Moving the REST endpoint needs the password again.
#include <boost/test/unit_test.hpp>

#include "routeros/routeros_router_control.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct RestFixture {
    RestFixture() : simulator(options()) {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        sim::seed_demo_router(simulator, 0);
        admin = server.login("superadmin");
        technician = server.login("technician");
    }
    ~RestFixture() { routeros::close_cached_connections(); }
    static sim::RouterOsSimulatorOptions options() {
        sim::RouterOsSimulatorOptions options;
        options.rest_tls_port = 0;
        return options;
    }
    int closed_port() {
        sim::RouterOsSimulator probe;
        BOOST_TEST_REQUIRE(probe.start().ok());
        const int port = probe.port();
        probe.stop();
        return port;
    }
    TestServer server;
    sim::RouterOsSimulator simulator;
    std::string admin, technician;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(router_interfaces)

BOOST_AUTO_TEST_CASE(rest_router_is_tested_isolated_and_restored_over_rest) {
    RestFixture fixture;
    const int closed = fixture.closed_port();
    const api::Json move = {{"port", closed}, {"api_mode", "rest"}, {"rest_port", fixture.simulator.rest_tls_port()},
                            {"rest_tls", true},  {"password", "billing-demo"}};
    auto moved = fixture.server.put("/api/routers/1", move.dump(), fixture.admin);
    BOOST_TEST_REQUIRE(moved.status == 200, moved.body);
    BOOST_TEST(moved.json()["data"]["api_mode"] == "rest");
    BOOST_TEST(moved.body.find("billing-demo") == std::string::npos);

    auto tested = fixture.server.post("/api/routers/1/test", "", fixture.technician);
    BOOST_TEST_REQUIRE(tested.status == 200, tested.body);
    const auto data = tested.json()["data"];
    BOOST_TEST(data["transport"] == "rest");
    BOOST_TEST(data["version"] == "7.16.2 (stable)");
    BOOST_TEST(data["transports"][0]["transport"] == "api");
    BOOST_TEST(data["transports"][0]["problem"] == "port_closed");
    BOOST_TEST(data["transports"][1]["works"] == true);
    BOOST_TEST(tested.body.find("billing-demo") == std::string::npos);

    // Customer 2 lives on router 1: isolation and restore go over REST, read back from the router.
    auto isolated = fixture.server.post("/api/customers/2/isolate", R"({"reason":"telat bayar"})", fixture.technician);
    BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
    BOOST_TEST(isolated.json()["data"]["result"] == "applied");
    BOOST_TEST(fixture.simulator.find("/ppp/secret", "cust002")->at("profile") == "ISOLIR");
    auto restored = fixture.server.post("/api/customers/2/restore", "{}", fixture.technician);
    BOOST_TEST_REQUIRE(restored.status == 200, restored.body);
    BOOST_TEST(fixture.simulator.find("/ppp/secret", "cust002")->at("profile") != "ISOLIR");
    BOOST_TEST(fixture.simulator.rest_requests() >= 6u);
}

BOOST_AUTO_TEST_CASE(a_failing_test_says_why_for_each_interface) {
    RestFixture fixture;
    const api::Json move = {{"port", fixture.simulator.port()}, {"api_mode", "api"}, {"rest_port", fixture.simulator.rest_tls_port()},
                            {"rest_tls", true}, {"password", "sandi-keliru-55"}};
    BOOST_TEST_REQUIRE(fixture.server.put("/api/routers/1", move.dump(), fixture.admin).status == 200);
    auto tested = fixture.server.post("/api/routers/1/test", "", fixture.technician);
    BOOST_TEST(tested.status == 502, tested.body);
    const auto error = tested.json()["error"];
    BOOST_TEST(error["message"].get<std::string>().starts_with(messages::kDiagnosisBadCredentials), tested.body);
    BOOST_TEST(error["fields"]["rest"].get<std::string>().starts_with(messages::kDiagnosisBadCredentials), tested.body);
    BOOST_TEST(tested.body.find("sandi-keliru-55") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(moving_the_rest_endpoint_needs_the_password_again_and_bad_values_change_nothing) {
    RestFixture fixture;
    const auto before = fixture.server.snapshot();
    for (const api::Json& change : {api::Json{{"rest_port", 8443}}, api::Json{{"rest_tls", false}}, api::Json{{"api_mode", "rest"}}}) {
        auto reply = fixture.server.put("/api/routers/1", change.dump(), fixture.admin);
        BOOST_TEST(reply.status == 422, change.dump());
        BOOST_TEST(reply.json()["error"]["fields"].contains("password"), reply.body);
    }
    for (const api::Json& bad : {api::Json{{"api_mode", "telnet"}, {"password", "x-y-z-123"}}, api::Json{{"rest_port", 70000}, {"password", "x-y-z-123"}},
                                 api::Json{{"rest_port", "443"}, {"password", "x-y-z-123"}}}) {
        auto reply = fixture.server.put("/api/routers/1", bad.dump(), fixture.admin);
        BOOST_TEST(reply.status == 422, bad.dump() + " " + reply.body);
    }
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
