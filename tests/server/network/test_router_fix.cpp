// `kimonet mikrotik test --fix` (services::fix_router): a router whose configured interface is
// closed while the other answers is switched to the one that works (read back from the database),
// and the firewall rules isolation by address list needs are added to the simulated router once,
// in order, recognised by their comment on every later run (read back from the simulator's
// /ip/firewall/filter and /ip/firewall/nat, over the binary API and over REST).
#include <boost/test/unit_test.hpp>

#include "routeros/routeros_router_control.hpp"
#include "services/router_fix.hpp"
#include "services/settings.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/closed_port.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct FixFixture {
    FixFixture() : simulator(options()) {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        sim::seed_demo_router(simulator, 0);
        admin = server.login("superadmin");
    }
    ~FixFixture() { routeros::close_cached_connections(); }
    static sim::RouterOsSimulatorOptions options() {
        sim::RouterOsSimulatorOptions options;
        options.rest_port = 0;  // www (plain HTTP REST, RouterOS 7.9+)
        return options;
    }
    void point_router(int api_port, const std::string& mode) {
        const api::Json move = {{"port", api_port}, {"api_mode", mode}, {"rest_port", simulator.rest_port()}, {"rest_tls", false},
                                {"tls", false}, {"password", "billing-demo"}};
        auto reply = server.put("/api/routers/1", move.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    }
    services::RouterFix fix(bool apply, const std::string& billing = "10.9.9.9:8080") {
        auto lease = server.app().database();
        app::Context context = server.app().context(**lease, app::Actor{"cli", 0, "cli", ""});
        auto fixed = services::fix_router(context, 1, {apply, billing});
        BOOST_TEST_REQUIRE(fixed.ok(), (fixed ? "" : fixed.error().message()));
        return std::move(fixed).value();
    }
    // The rules on the simulated router carrying this comment.
    std::vector<sim::Row> rules(const std::string& table, const std::string& comment) {
        std::vector<sim::Row> out;
        for (const auto& row : simulator.rows("/ip/firewall/" + table))
            if (row.contains("comment") && row.at("comment") == comment) out.push_back(row);
        return out;
    }
    TestServer server;
    sim::RouterOsSimulator simulator;
    std::string admin;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(router_fix)

BOOST_AUTO_TEST_CASE(closed_api_port_with_rest_answering_is_switched_to_rest_and_the_rules_are_added_once) {
    FixFixture fixture;
    fixture.point_router(closed_port(), "api");

    // Without --fix: the finding, and nothing changed on either side.
    const auto before = fixture.server.snapshot();
    const auto report = fixture.fix(false);
    BOOST_TEST(report.examination.failure.has_value());
    BOOST_TEST(report.working_mode == "rest");
    BOOST_TEST(!report.mode_switched);
    BOOST_TEST(report.rules.empty());  // the configured interface does not work: nothing read
    BOOST_TEST(fixture.server.snapshot() == before);

    const auto moves_before = std::stoi(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'router.destination_change'"));
    const auto fixed = fixture.fix(true);
    BOOST_TEST(fixed.mode_switched);
    BOOST_TEST(!fixed.examination.failure.has_value());
    BOOST_TEST(fixed.examination.test.transport == "rest");
    BOOST_TEST(fixture.server.scalar("SELECT api_mode FROM routers WHERE id = 1") == "rest");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'router.destination_change' AND subject_id = 1") ==
               std::to_string(moves_before + 1));
    BOOST_TEST_REQUIRE(fixed.rules.size() == 4u);
    for (const auto& rule : fixed.rules) BOOST_TEST((!rule.present && rule.added), rule.comment);

    // Read back from the router: the walled garden in order, then the redirect to the billing server.
    const auto filter = fixture.simulator.rows("/ip/firewall/filter");
    BOOST_TEST_REQUIRE(filter.size() == 3u);
    BOOST_TEST(filter[0].at("comment") == "kimonet-isolir: DNS");
    BOOST_TEST(filter[0].at("dst-port") == "53");
    BOOST_TEST(filter[1].at("dst-address") == "10.9.9.9");
    BOOST_TEST(filter[1].at("action") == "accept");
    BOOST_TEST(filter[2].at("action") == "drop");
    for (const auto& row : filter) BOOST_TEST(row.at("src-address-list") == "ISOLIR");
    const auto redirect = fixture.rules("nat", "kimonet-isolir: redirect");
    BOOST_TEST_REQUIRE(redirect.size() == 1u);
    BOOST_TEST(redirect[0].at("action") == "dst-nat");
    BOOST_TEST(redirect[0].at("to-addresses") == "10.9.9.9");
    BOOST_TEST(redirect[0].at("to-ports") == "8080");
    BOOST_TEST(redirect[0].at("dst-address") == "!10.9.9.9");

    // A second run changes nothing: every rule is recognised by its comment.
    const auto again = fixture.fix(true);
    BOOST_TEST(!again.mode_switched);
    BOOST_TEST(again.working_mode.empty());
    for (const auto& rule : again.rules) BOOST_TEST((rule.present && !rule.added), rule.comment);
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/filter").size() == 3u);
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/nat").size() == 1u);
}

BOOST_AUTO_TEST_CASE(rules_go_over_the_binary_api_beside_the_operators_own_and_are_never_duplicated) {
    FixFixture fixture;
    fixture.point_router(fixture.simulator.port(), "api");
    fixture.simulator.with_state([](sim::RouterState& state) {
        state.execute({"/ip/firewall/nat/add", "=chain=srcnat", "=action=masquerade", "=out-interface=ether1"});
        return 0;
    });
    for (int run = 0; run < 2; ++run) {
        const auto fixed = fixture.fix(true);
        BOOST_TEST(!fixed.examination.failure.has_value());
        BOOST_TEST(!fixed.mode_switched);
        BOOST_TEST(!fixed.rules_problem.has_value());
    }
    for (const char* comment : {"kimonet-isolir: DNS", "kimonet-isolir: billing", "kimonet-isolir: drop"})
        BOOST_TEST(fixture.rules("filter", comment).size() == 1u, comment);
    BOOST_TEST(fixture.rules("nat", "kimonet-isolir: redirect").size() == 1u);
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/nat").size() == 2u);  // the operator's masquerade stays
    BOOST_TEST(fixture.server.scalar("SELECT api_mode FROM routers WHERE id = 1") == "api");
}

BOOST_AUTO_TEST_CASE(partial_rules_or_no_billing_address_change_nothing_and_say_why) {
    FixFixture fixture;
    fixture.point_router(fixture.simulator.port(), "api");
    // The billing host of public_base_url is a name: the router needs an address.
    {
        auto lease = fixture.server.app().database();
        app::Context context = fixture.server.app().context(**lease, app::Actor{"cli", 0, "cli", ""});
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"public_base_url", "https://billing.kimonet.id/"}}).ok());
    }
    const auto named = fixture.fix(true, "");
    BOOST_TEST_REQUIRE(named.rules_problem.has_value());
    BOOST_TEST((named.rules_problem->code == ErrorCode::ValidationFailed));
    BOOST_TEST(named.rules_problem->message().find("public_base_url: billing.kimonet.id") != std::string::npos, named.rules_problem->message());
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/filter").empty());
    for (const char* bad : {"billing.example.id", "10.0.0.1:0", "10.0.0.1:99999", "10.0.0.256", "10.0.0.1:80;drop"}) {
        const auto refused = fixture.fix(true, bad);
        BOOST_TEST(refused.rules_problem.has_value(), bad);
    }
    // An IPv4 public_base_url is taken as it is, with its port.
    {
        auto lease = fixture.server.app().database();
        app::Context context = fixture.server.app().context(**lease, app::Actor{"cli", 0, "cli", ""});
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"public_base_url", "http://10.7.7.7:8081"}}).ok());
    }
    // Only the drop rule is there (someone removed the accepts): appending would put them after it.
    fixture.simulator.with_state([](sim::RouterState& state) {
        state.execute({"/ip/firewall/filter/add", "=chain=forward", "=src-address-list=ISOLIR", "=action=drop", "=comment=kimonet-isolir: drop"});
        return 0;
    });
    const auto partial = fixture.fix(true, "");
    BOOST_TEST_REQUIRE(partial.rules_problem.has_value());
    BOOST_TEST((partial.rules_problem->code == ErrorCode::Conflict));
    BOOST_TEST(partial.rules_problem->message().find("kimonet-isolir: drop") != std::string::npos, partial.rules_problem->message());
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/filter").size() == 1u);
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/nat").empty());
    fixture.simulator.with_state([](sim::RouterState& state) {
        state.menu("/ip/firewall/filter")->remove("*1");
        return 0;
    });
    const auto whole = fixture.fix(true, "");
    BOOST_TEST(!whole.rules_problem.has_value());
    BOOST_TEST(fixture.rules("nat", "kimonet-isolir: redirect").at(0).at("to-addresses") == "10.7.7.7");
    BOOST_TEST(fixture.rules("nat", "kimonet-isolir: redirect").at(0).at("to-ports") == "8081");
}

BOOST_AUTO_TEST_SUITE_END()
