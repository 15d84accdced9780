// The RouterControl port over the RouterOS REST API, against the simulator's www-ssl / www services
// over loopback: every port method, read back from the simulated router itself, and the bounds on
// what a hostile router may answer.
#include <boost/test/unit_test.hpp>

#include "routeros/rest_router_control.hpp"
#include "routeros/routeros_router_control.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/closed_port.hpp"

using namespace kimonet;
using namespace kimonet::routeros;

namespace {

constexpr const char* kPassword = "billing-demo";

struct RestRouter {
    RestRouter() : simulator(options()) {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        sim::seed_demo_router(simulator, 0);
    }
    ~RestRouter() { close_cached_connections(); }
    static sim::RouterOsSimulatorOptions options() {
        sim::RouterOsSimulatorOptions options;
        options.rest_port = 0;
        options.rest_tls_port = 0;
        return options;
    }
    Router router(bool tls = true) const {
        Router router;
        router.id = 9001;
        router.host = "127.0.0.1";
        router.port = simulator.port();
        router.username = "billing";
        router.password = kPassword;
        router.api_mode = "rest";
        router.rest_port = tls ? simulator.rest_tls_port() : simulator.rest_port();
        router.rest_tls = tls;
        return router;
    }
    sim::RouterOsSimulator simulator;
};

RestOptions fast() {
    RestOptions options;
    options.connect_timeout = std::chrono::milliseconds(1000);
    options.reply_timeout = std::chrono::milliseconds(2000);
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rest_router_control)

BOOST_AUTO_TEST_CASE(https_rest_manages_profiles_secrets_sessions_and_address_lists) {
    RestRouter fixture;
    auto control = routeros::rest_router_control(fixture.router(), fast());
    auto status = control->test();
    BOOST_TEST_REQUIRE(status.ok(), (status ? "" : status.error().message()));
    BOOST_TEST(status->version == "7.16.2 (stable)");
    BOOST_TEST(status->board_name == "CHR");

    BOOST_TEST_REQUIRE(control->ensure_profile("PAKET-REST", "7M/7M").ok());
    BOOST_TEST(fixture.simulator.find("/ppp/profile", "PAKET-REST")->at("rate-limit") == "7M/7M");
    BOOST_TEST_REQUIRE(control->ensure_profile("PAKET-REST", "9M/9M").ok());
    BOOST_TEST(fixture.simulator.find("/ppp/profile", "PAKET-REST")->at("rate-limit") == "9M/9M");

    network::PppSecret secret{"", "rest-user", "rahasia-ppp", "PAKET-REST", "pppoe", false, "lewat REST"};
    BOOST_TEST_REQUIRE(control->upsert_secret(secret).ok());
    BOOST_TEST(fixture.simulator.find("/ppp/secret", "rest-user")->at("password") == "rahasia-ppp");
    BOOST_TEST_REQUIRE(control->set_secret_enabled("rest-user", false).ok());
    BOOST_TEST(fixture.simulator.find("/ppp/secret", "rest-user")->at("disabled") == "true");
    auto found = control->find_secret("rest-user");
    BOOST_TEST_REQUIRE(found.ok());
    BOOST_TEST_REQUIRE(found->has_value());
    BOOST_TEST((*found)->disabled);

    // Isolation the PPPoE way: profile switched, read back, session kicked.
    BOOST_TEST_REQUIRE(control->ensure_profile("ISOLIR", "512k/512k").ok());
    fixture.simulator.connect_session("rest-user", "10.10.0.9");
    auto switched = control->switch_profiles({{"rest-user", "ISOLIR"}, {"nobody-here", "ISOLIR"}});
    BOOST_TEST_REQUIRE(switched.ok(), (switched ? "" : switched.error().message()));
    BOOST_TEST((*switched)[0].ok);
    BOOST_TEST((*switched)[0].changed);
    BOOST_TEST((*switched)[0].kicked == 1);
    BOOST_TEST((*switched)[0].profile_before == "PAKET-REST");
    BOOST_TEST(!(*switched)[1].ok);
    BOOST_TEST(fixture.simulator.find("/ppp/secret", "rest-user")->at("profile") == "ISOLIR");
    BOOST_TEST(!fixture.simulator.find("/ppp/active", "rest-user").has_value());

    // Static-IP isolation: the address list entry appears once and goes away.
    BOOST_TEST_REQUIRE(control->address_list_add("isolir", "10.20.0.5", "pelanggan 5").ok());
    BOOST_TEST_REQUIRE(control->address_list_add("isolir", "10.20.0.5", "pelanggan 5").ok());
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/address-list").size() == 1u);
    BOOST_TEST_REQUIRE(control->address_list_remove("isolir", "10.20.0.5").ok());
    BOOST_TEST(fixture.simulator.rows("/ip/firewall/address-list").empty());
}

BOOST_AUTO_TEST_CASE(plain_http_www_service_works_too) {
    RestRouter fixture;
    auto control = routeros::rest_router_control(fixture.router(false), fast());
    auto secrets = control->list_secrets();
    BOOST_TEST_REQUIRE(secrets.ok(), (secrets ? "" : secrets.error().message()));
    BOOST_TEST(secrets->size() == fixture.simulator.rows("/ppp/secret").size());
}

BOOST_AUTO_TEST_CASE(a_refused_change_carries_the_routers_own_words) {
    RestRouter fixture;
    auto control = routeros::rest_router_control(fixture.router(), fast());
    auto refused = control->upsert_secret({"", "rest-bad", "x", "NO-SUCH-PROFILE", "pppoe", false, ""});
    BOOST_TEST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.error().code == ErrorCode::BadGateway));
    BOOST_TEST(refused.error().message().find("input does not match any value of profile") != std::string::npos, refused.error().message());
    BOOST_TEST(!fixture.simulator.find("/ppp/secret", "rest-bad").has_value());
}

BOOST_AUTO_TEST_CASE(auto_mode_moves_to_rest_when_the_binary_api_is_closed) {
    RestRouter fixture;
    Router router = fixture.router();
    router.api_mode = "auto";
    router.port = testing::closed_port();
    auto control = router_control_for_mode(router, ClientOptions{}, fast());
    auto status = control->test();
    BOOST_TEST_REQUIRE(status.ok(), (status ? "" : status.error().message()));
    BOOST_TEST(status->version == "7.16.2 (stable)");
    BOOST_TEST(fixture.simulator.rest_requests() >= 1u);
}

BOOST_AUTO_TEST_CASE(a_hostile_routers_answers_are_bounded_and_never_followed) {
    RestRouter fixture;
    const std::vector<std::pair<sim::RestHostility, const char*>> cases = {
        {sim::RestHostility::HugeBody, messages::kRouterRestTooLarge},
        {sim::RestHostility::MalformedJson, messages::kRouterRestNotJson},
        {sim::RestHostility::Redirect, messages::kRouterRestRedirect},
    };
    for (const auto& [hostility, expected] : cases) {
        fixture.simulator.set_rest_hostility(hostility);
        RestOptions options = fast();
        options.max_body = 64 * 1024;
        auto control = routeros::rest_router_control(fixture.router(), options);
        auto answer = control->test();
        BOOST_TEST_REQUIRE(!answer.ok());
        BOOST_TEST((answer.error().code == ErrorCode::BadGateway));
        BOOST_TEST(answer.error().message().starts_with(expected), answer.error().message());
        BOOST_TEST(answer.error().message().find(kPassword) == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(words_from_the_router_never_repeat_the_password) {
    RestClient client(RestEndpoint{"127.0.0.1", 1, true, "billing", "s3cret-pw"});
    const std::string echoed = client.scrub("bad request: s3cret-pw / Basic " + std::string("YmlsbGluZzpzM2NyZXQtcHc=") + std::string(1000, 'x'));
    BOOST_TEST(echoed.find("s3cret-pw") == std::string::npos);
    BOOST_TEST(echoed.find("YmlsbGluZzpzM2NyZXQtcHc=") == std::string::npos);
    BOOST_TEST(echoed.size() <= 300u);
}

BOOST_AUTO_TEST_SUITE_END()
