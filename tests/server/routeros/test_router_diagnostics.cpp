// `kimonet mikrotik test`'s diagnoses, each against the simulator's failure mode over real
// sockets: port closed, connection reset, TLS spoken to a plain port and the reverse, bad
// credentials, a missing policy, RouterOS 6 without REST, a hostile web service.
#include <boost/test/unit_test.hpp>

#include "routeros/router_diagnostics.hpp"
#include "routeros/routeros_router_control.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/closed_port.hpp"

namespace kimonet::network {
// Boost prints a failed comparison's values.
std::ostream& operator<<(std::ostream& out, RouterProblem problem) { return out << to_string(problem); }
}  // namespace kimonet::network

using namespace kimonet;
using namespace kimonet::routeros;
using network::RouterProblem;

namespace {

struct Diagnosed {
    Diagnosed() : simulator(options()) { BOOST_TEST_REQUIRE(simulator.start().ok()); }
    ~Diagnosed() { close_cached_connections(); }
    static sim::RouterOsSimulatorOptions options() {
        sim::RouterOsSimulatorOptions options;
        options.tls_port = 0;
        options.rest_port = 0;
        options.rest_tls_port = 0;
        return options;
    }
    Router router() const {
        Router router;
        router.host = "127.0.0.1";
        router.port = simulator.port();
        router.username = "billing";
        router.password = "billing-demo";
        router.rest_port = simulator.rest_tls_port();
        router.rest_tls = true;
        return router;
    }
    network::TransportDiagnosis api(const Router& router) const { return diagnose_api(router, api_options()); }
    network::TransportDiagnosis rest(const Router& router) const { return diagnose_rest(router, rest_options()); }
    static ClientOptions api_options() {
        ClientOptions options;
        options.connect_timeout = std::chrono::milliseconds(700);
        options.reply_timeout = std::chrono::milliseconds(700);
        return options;
    }
    static RestOptions rest_options() {
        RestOptions options;
        options.connect_timeout = std::chrono::milliseconds(700);
        options.reply_timeout = std::chrono::milliseconds(700);
        options.max_body = 64 * 1024;
        return options;
    }
    sim::RouterOsSimulator simulator;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(router_diagnostics)

BOOST_AUTO_TEST_CASE(both_interfaces_work_and_report_the_version) {
    Diagnosed fixture;
    const auto both = diagnose_router(fixture.router(), Diagnosed::api_options(), Diagnosed::rest_options());
    BOOST_TEST_REQUIRE(both.size() == 2u);
    for (const auto& diagnosis : both) {
        BOOST_TEST(diagnosis.works, diagnosis.transport + ": " + diagnosis.message);
        BOOST_TEST(diagnosis.problem == RouterProblem::None);
        BOOST_TEST(diagnosis.version == "7.16.2 (stable)");
        BOOST_TEST(diagnosis.message.starts_with(messages::kDiagnosisWorks));
    }
    BOOST_TEST(both[0].transport == "api");
    BOOST_TEST(both[1].transport == "rest");
}

BOOST_AUTO_TEST_CASE(a_closed_port_is_connection_refused) {
    Diagnosed fixture;
    Router router = fixture.router();
    router.port = testing::closed_port();
    router.rest_port = router.port;
    for (const auto& diagnosis : {fixture.api(router), fixture.rest(router)}) {
        BOOST_TEST(diagnosis.problem == RouterProblem::PortClosed, diagnosis.message);
        BOOST_TEST(diagnosis.message.starts_with(messages::kDiagnosisPortClosed));
        BOOST_TEST(diagnosis.message.find("connection refused") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_service_that_resets_is_told_apart_from_a_closed_one) {
    Diagnosed fixture;
    fixture.simulator.set_reset_connections(true);
    Router router = fixture.router();
    // Each diagnosis once, its own message beside it (a second run could tell another story).
    const auto plain = fixture.api(router), rest = fixture.rest(router);
    BOOST_TEST(plain.problem == RouterProblem::ConnectionReset, plain.message);
    BOOST_TEST(rest.problem == RouterProblem::ConnectionReset, rest.message);
    router.tls = true;
    router.port = fixture.simulator.tls_port();
    const auto tls = fixture.api(router);
    BOOST_TEST(tls.problem == RouterProblem::ConnectionReset, tls.message);
}

BOOST_AUTO_TEST_CASE(tls_spoken_to_a_plain_port_and_plain_to_a_tls_port) {
    Diagnosed fixture;
    Router router = fixture.router();
    router.tls = true;  // api-ssl expected on 8728
    BOOST_TEST(fixture.api(router).problem == RouterProblem::SpeaksPlain, fixture.api(router).message);
    router.tls = false;  // plain api on 8729
    router.port = fixture.simulator.tls_port();
    BOOST_TEST(fixture.api(router).problem == RouterProblem::SpeaksTls, fixture.api(router).message);
    router.rest_tls = true;  // https on the www port
    router.rest_port = fixture.simulator.rest_port();
    BOOST_TEST(fixture.rest(router).problem == RouterProblem::SpeaksPlain, fixture.rest(router).message);
    router.rest_tls = false;  // http on the www-ssl port
    router.rest_port = fixture.simulator.rest_tls_port();
    BOOST_TEST(fixture.rest(router).problem == RouterProblem::SpeaksTls, fixture.rest(router).message);
}

BOOST_AUTO_TEST_CASE(bad_credentials_and_the_password_is_never_repeated) {
    Diagnosed fixture;
    Router router = fixture.router();
    router.password = "salah-sandi-7731";
    for (const auto& diagnosis : {fixture.api(router), fixture.rest(router)}) {
        BOOST_TEST(diagnosis.problem == RouterProblem::BadCredentials, diagnosis.message);
        BOOST_TEST(diagnosis.message.find("salah-sandi-7731") == std::string::npos, diagnosis.message);
    }
}

BOOST_AUTO_TEST_CASE(a_user_without_write_or_api_or_rest_api_is_told_which_policy) {
    Diagnosed fixture;
    fixture.simulator.set_user_policy("read,api,rest-api,test");
    const auto api = fixture.api(fixture.router());
    BOOST_TEST(api.problem == RouterProblem::MissingPolicy, api.message);
    BOOST_TEST(api.missing_policies == std::vector<std::string>{"write"});
    const auto rest = fixture.rest(fixture.router());
    BOOST_TEST(rest.problem == RouterProblem::MissingPolicy, rest.message);
    BOOST_TEST(rest.missing_policies == std::vector<std::string>{"write"});

    fixture.simulator.set_user_policy("read,write,rest-api");
    const auto no_api = fixture.api(fixture.router());
    BOOST_TEST(no_api.problem == RouterProblem::MissingPolicy, no_api.message);
    BOOST_TEST(no_api.missing_policies == std::vector<std::string>{"api"});
    BOOST_TEST(fixture.rest(fixture.router()).works);

    fixture.simulator.set_user_policy("api,write");
    const auto no_read = fixture.api(fixture.router());
    BOOST_TEST(no_read.problem == RouterProblem::MissingPolicy, no_read.message);
    BOOST_TEST(no_read.missing_policies == std::vector<std::string>{"read"});
}

BOOST_AUTO_TEST_CASE(routeros_6_has_the_binary_api_only) {
    Diagnosed fixture;
    fixture.simulator.with_state([](sim::RouterState& state) { state.version = "6.49.10 (long-term)"; });
    const auto api = fixture.api(fixture.router());
    BOOST_TEST(api.works, api.message);
    BOOST_TEST(api.version == "6.49.10 (long-term)");
    const auto rest = fixture.rest(fixture.router());
    BOOST_TEST(rest.problem == RouterProblem::NoRestApi, rest.message);
}

BOOST_AUTO_TEST_CASE(a_hostile_web_service_is_rejected) {
    Diagnosed fixture;
    for (auto hostility : {sim::RestHostility::Redirect, sim::RestHostility::HugeBody, sim::RestHostility::MalformedJson}) {
        fixture.simulator.set_rest_hostility(hostility);
        const auto rest = fixture.rest(fixture.router());
        BOOST_TEST(rest.problem == RouterProblem::HostileAnswer, rest.message);
        BOOST_TEST(!rest.works);
    }
}

BOOST_AUTO_TEST_CASE(policies_are_read_the_way_routeros_prints_them) {
    BOOST_TEST(missing_policies("read,!write,api", {"api", "read", "write"}) == std::vector<std::string>{"write"});
    BOOST_TEST(missing_policies("", {"api"}) == std::vector<std::string>{"api"});
}

BOOST_AUTO_TEST_SUITE_END()
