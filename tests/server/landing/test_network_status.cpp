// The public network status: routers up/down as the server last saw them (router probe and
// router tests against the RouterOS simulators), incidents staff post, and the public package
// list; nothing internal (hosts, ports, profiles) leaks out.
#include <boost/test/unit_test.hpp>

#include "../network/network_fixture.hpp"
#include "services/network_status.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::NetworkFixture;
using kimonet::testing::TestServer;

namespace {

Json router_named(const Json& status, const std::string& name) {
    for (const auto& router : status["routers"])
        if (router["name"] == name) return router;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(network_status)

BOOST_FIXTURE_TEST_CASE(a_router_going_down_shows_in_the_public_status_after_the_next_probe, NetworkFixture) {
    auto initial = server.get("/api/network-status").json()["data"];
    BOOST_TEST(router_named(initial, "Router Pusat")["status"] == "unknown");

    const std::string admin = server.login("admin");
    auto probed = server.post("/api/network/probe", "", admin);
    BOOST_TEST_REQUIRE(probed.status == 200, probed.body);
    BOOST_TEST(probed.json()["data"]["reachable"] == 2);
    auto up = server.get("/api/network-status").json()["data"];
    BOOST_TEST(up["overall"] == "normal");
    BOOST_TEST(router_named(up, "Router Pusat")["status"] == "up");
    BOOST_TEST(router_named(up, "Router Cabang")["status"] == "up");

    routers[1]->set_down(true);
    BOOST_TEST(server.post("/api/network/probe", "", admin).json()["data"]["reachable"] == 1);
    auto reply = server.get("/api/network-status");
    const Json down = reply.json()["data"];
    BOOST_TEST(down["overall"] == "gangguan");
    BOOST_TEST(router_named(down, "Router Pusat")["status"] == "up");
    BOOST_TEST(router_named(down, "Router Cabang")["status"] == "down");
    BOOST_TEST(router_named(down, "Router Cabang")["since"] == server.clock().now());
    // No hosts, ports or credentials in the public answer.
    BOOST_TEST(reply.body.find("127.0.0.1") == std::string::npos);
    BOOST_TEST(reply.body.find("billing-demo") == std::string::npos);
    BOOST_TEST(reply.body.find("\"port\"") == std::string::npos);

    // A router test is the latest word too: back up.
    routers[1]->set_down(false);
    BOOST_TEST(server.post("/api/routers/2/test", "", token).status == 200);
    BOOST_TEST(router_named(server.get("/api/network-status").json()["data"], "Router Cabang")["status"] == "up");
}

BOOST_AUTO_TEST_CASE(incidents_appear_in_the_public_status_until_resolved) {
    TestServer server;
    const std::string technician = server.login("technician");
    const std::string before = server.snapshot();
    auto bad = server.post("/api/incidents", R"({"message":"  ","router_id":99,"expected_recovery_at":"besok"})", technician);
    BOOST_TEST(bad.status == 422);
    const Json fields = bad.json()["error"]["fields"];
    BOOST_TEST(fields["message"] == "wajib diisi");
    BOOST_TEST(fields["router_id"] == "tidak valid");
    BOOST_TEST(fields.contains("expected_recovery_at"));
    BOOST_TEST(server.snapshot() == before);

    auto created = server.post("/api/incidents",
                               R"({"message":"Kabel optik putus di area Cabang","router_id":2,"expected_recovery_at":"2026-01-15 14:00"})", technician);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const Json incident = created.json()["data"];
    BOOST_TEST(incident["expected_recovery_text"] == "2026-01-15 14:00");
    BOOST_TEST(incident["expected_recovery_at"] == unix_from_local(LocalDateTime{{2026, 1, 15}, 14, 0, 0}, UtcOffset{420}));
    BOOST_TEST(incident["router_name"] == "Router Cabang");

    auto status = server.get("/api/network-status").json()["data"];
    BOOST_TEST(status["overall"] == "gangguan");
    BOOST_TEST_REQUIRE(status["incidents"].size() == 1u);
    BOOST_TEST(status["incidents"][0]["message"] == "Kabel optik putus di area Cabang");
    BOOST_TEST(!status["incidents"][0].contains("created_by"));

    const std::string id = std::to_string(incident["id"].get<std::int64_t>());
    // Finance may not post or resolve incidents.
    BOOST_TEST(server.put("/api/incidents/" + id, R"({"resolved":true})", server.login("finance")).status == 403);
    auto resolved = server.put("/api/incidents/" + id, R"({"resolved":true})", technician);
    BOOST_TEST_REQUIRE(resolved.status == 200, resolved.body);
    BOOST_TEST(resolved.json()["data"]["resolved_at"] == server.clock().now());
    auto after = server.get("/api/network-status").json()["data"];
    BOOST_TEST(after["incidents"].empty());
    BOOST_TEST(after["overall"] == "normal");
    BOOST_TEST(server.get("/api/incidents", technician).json()["total"] == 0);
    BOOST_TEST(server.get("/api/incidents?all=1", technician).json()["total"] == 1);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE subject_type = 'incident'") == "2");
}

BOOST_AUTO_TEST_CASE(public_packages_list_only_active_packages_without_router_details) {
    TestServer server;
    BOOST_TEST_REQUIRE(server.del("/api/packages/4", server.login("admin")).status == 200);
    auto reply = server.get("/api/packages/public");
    BOOST_TEST_REQUIRE(reply.status == 200);
    const Json data = reply.json()["data"];
    BOOST_TEST_REQUIRE(data.size() == 3u);
    BOOST_TEST(data[0]["name"] == "Home 10 Mbps");
    BOOST_TEST(data[0]["speed"] == "10 Mbps");
    BOOST_TEST(data[0]["price"] == 150000);
    BOOST_TEST(!data[0]["description"].get<std::string>().empty());
    for (const auto& package : data) BOOST_TEST(package["name"] != "Bisnis 50 Mbps");
    BOOST_TEST(reply.body.find("mikrotik_profile") == std::string::npos);
    BOOST_TEST(reply.body.find("\"10M\"") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
