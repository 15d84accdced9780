#pragma once
// The demo server (TestServer) with both demo routers pointed at in-process RouterOS simulators on
// ephemeral loopback ports, and readers for what the simulated routers hold. Shared by the
// network test files.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <memory>

#include "routeros/routeros_router_control.hpp"
#include "services/network_service.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/test_server_support.hpp"

namespace kimonet::testing {

// The demo server with both demo routers pointed at in-process simulators.
struct NetworkFixture {
    NetworkFixture() {
        for (int index = 0; index < 2; ++index) {
            routers[index] = std::make_unique<sim::RouterOsSimulator>();
            BOOST_TEST_REQUIRE(routers[index]->start().ok());
            sim::seed_demo_router(*routers[index], index);
        }
        token = server.login("technician");
        for (int index = 0; index < 2; ++index) {
            auto reply = server.put("/api/routers/" + std::to_string(index + 1), api::Json{{"port", routers[index]->port()}, {"password", "billing-demo"}}.dump(),
                                    server.login("superadmin"));
            BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        }
    }
    ~NetworkFixture() { routeros::close_cached_connections(); }

    std::string profile_on_router(int customer) {
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", customer);
        auto row = routers[customer % 2 == 0 ? 0 : 1]->find("/ppp/secret", name);
        return row ? row->at("profile") : "<missing>";
    }
    bool online(int customer) {
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", customer);
        return routers[customer % 2 == 0 ? 0 : 1]->find("/ppp/active", name).has_value();
    }
    std::string package_profile(int customer) {
        return server.scalar("SELECT p.mikrotik_profile FROM customers c JOIN internet_packages p ON p.id = c.package_id WHERE c.id = " +
                             std::to_string(customer));
    }
    std::string status(int customer) { return server.scalar("SELECT status FROM customers WHERE id = " + std::to_string(customer)); }
    Result<services::PendingRun> process_pending() {
        auto lease = server.app().database();
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        return services::process_pending_network_actions(context);
    }

    TestServer server;
    std::unique_ptr<sim::RouterOsSimulator> routers[2];
    std::string token;
};


}  // namespace kimonet::testing
