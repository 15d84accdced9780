// The RouterOS client against the simulator over loopback: both login styles, TLS, tags,
// queries, and every failure the issue names, each as a precise error.
#include <boost/test/unit_test.hpp>

#include "routeros/client.hpp"
#include "routeros/routeros_router_control.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/closed_port.hpp"

using namespace kimonet;
using namespace kimonet::routeros;

namespace {

struct Started {
    explicit Started(sim::RouterOsSimulatorOptions options = {}) : simulator(options) {
        auto started = simulator.start();
        BOOST_TEST_REQUIRE(started.ok());
        sim::seed_demo_router(simulator, 0);
    }
    Endpoint endpoint(bool tls = false) const {
        return Endpoint{"127.0.0.1", tls ? simulator.tls_port() : simulator.port(), tls, "billing", "billing-demo"};
    }
    sim::RouterOsSimulator simulator;
};

ClientOptions fast() {
    ClientOptions options;
    options.connect_timeout = std::chrono::milliseconds(500);
    options.reply_timeout = std::chrono::milliseconds(300);
    return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(routeros_client)

BOOST_AUTO_TEST_CASE(logs_in_post_6_43_and_reads_system_resource) {
    Started router;
    auto client = Client::connect(router.endpoint());
    BOOST_TEST_REQUIRE(client.ok(), (client ? "" : client.error().message()));
    BOOST_TEST(!(*client)->used_legacy_login());
    auto response = (*client)->run(Command("/system/resource/print"));
    BOOST_TEST_REQUIRE(response.ok());
    BOOST_TEST_REQUIRE(response->rows.size() == 1u);
    BOOST_TEST(response->rows[0].at("version") == "7.16.2 (stable)");
    BOOST_TEST(response->rows[0].at("board-name") == "CHR");
}

BOOST_AUTO_TEST_CASE(falls_back_to_the_md5_challenge_on_a_legacy_router) {
    sim::RouterOsSimulatorOptions options;
    options.legacy_login = true;
    Started router(options);
    auto client = Client::connect(router.endpoint());
    BOOST_TEST_REQUIRE(client.ok(), (client ? "" : client.error().message()));
    BOOST_TEST((*client)->used_legacy_login());
    BOOST_TEST((*client)->run(Command("/ppp/secret/print").where("name=cust002")).value().rows.size() == 1u);

    Endpoint wrong = router.endpoint();
    wrong.password = "salah";
    auto rejected = Client::connect(wrong);
    BOOST_TEST_REQUIRE(!rejected.ok());
    BOOST_TEST(rejected.error().message().starts_with("router menolak login: "), rejected.error().message());
    BOOST_TEST(rejected.error().message().find(": 'billing': ") != std::string::npos, rejected.error().message());
}

BOOST_AUTO_TEST_CASE(known_md5_challenge_response_matches_routeros) {
    // Computed independently: hashlib.md5(b"\x00" + b"billing-demo" + bytes.fromhex(challenge)).
    BOOST_TEST(legacy_login_response("billing-demo", "0123456789abcdef0123456789abcdef") == "00583b071a86f0332502dd5cba08bba5ba");
}

BOOST_AUTO_TEST_CASE(bad_credentials_are_a_bad_gateway_error_with_the_router_message) {
    Started router;
    Endpoint wrong = router.endpoint();
    wrong.password = "salah";
    auto client = Client::connect(wrong);
    BOOST_TEST_REQUIRE(!client.ok());
    BOOST_TEST((client.error().code == ErrorCode::BadGateway));
    BOOST_TEST(client.error().message().find("invalid user name or password") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tls_connection_on_the_api_ssl_port) {
    sim::RouterOsSimulatorOptions options;
    options.tls_port = 0;
    Started router(options);
    auto client = Client::connect(router.endpoint(true));
    BOOST_TEST_REQUIRE(client.ok(), (client ? "" : client.error().message()));
    BOOST_TEST((*client)->run(Command("/ppp/secret/print").where("name=cust004")).value().rows.at(0).at("profile") == "20M");
}

BOOST_AUTO_TEST_CASE(pipelined_tagged_commands_come_back_to_the_right_caller) {
    Started router;
    auto client = std::move(Client::connect(router.endpoint())).value();
    std::vector<Command> commands;
    for (int customer = 2; customer <= 50; customer += 2) {
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", customer);
        commands.push_back(std::move(Command("/ppp/secret/print").where(std::string("name=") + name).proplist("name,profile")));
    }
    commands.push_back(std::move(Command("/ppp/secret/set").set(".id", "*FFFF").set("profile", "ISOLIR")));
    auto responses = client->run_all(commands);
    BOOST_TEST_REQUIRE(responses.ok());
    for (std::size_t index = 0; index + 1 < commands.size(); ++index) {
        BOOST_TEST_REQUIRE(responses->at(index).rows.size() == 1u);
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", static_cast<int>(2 + 2 * index));
        BOOST_TEST(responses->at(index).rows[0].at("name") == name);
        BOOST_TEST(!responses->at(index).rows[0].contains(".id"));  // .proplist honoured
    }
    BOOST_TEST_REQUIRE(responses->back().trap.has_value());
    BOOST_TEST(responses->back().trap->message == "no such item");
    BOOST_TEST(client->usable());
}

BOOST_AUTO_TEST_CASE(queries_with_or_and_negation_select_rows) {
    Started router;
    auto client = std::move(Client::connect(router.endpoint())).value();
    auto either = client->run(Command("/ppp/secret/print").where("name=cust002").where("name=cust004").where("#|"));
    BOOST_TEST(either.value().rows.size() == 2u);
    auto not_10m = client->run(Command("/ppp/secret/print").where("profile=10M").where("#!"));
    for (const auto& row : not_10m.value().rows) BOOST_TEST(row.at("profile") != "10M");
    auto no_comment = client->run(Command("/ppp/secret/print").where("-comment"));
    BOOST_TEST(no_comment.value().rows.empty());
}

BOOST_AUTO_TEST_CASE(refused_connection_names_the_router) {
    const int port = testing::closed_port();
    auto client = Client::connect(Endpoint{"127.0.0.1", port, false, "billing", "billing-demo"}, fast());
    BOOST_TEST_REQUIRE(!client.ok());
    BOOST_TEST((client.error().code == ErrorCode::Unavailable));
    BOOST_TEST(client.error().message() == "tidak dapat terhubung: 127.0.0.1:" + std::to_string(port) + ": connection refused");
}

BOOST_AUTO_TEST_CASE(a_slow_router_times_out_and_the_connection_is_dropped) {
    Started router;
    auto client = std::move(Client::connect(router.endpoint(), fast())).value();
    router.simulator.set_reply_delay_ms(800);
    auto response = client->run(Command("/system/resource/print"));
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST((response.error().code == ErrorCode::Unavailable));
    BOOST_TEST(response.error().message().starts_with("router tidak menjawab dalam batas waktu (ms): "), response.error().message());
    BOOST_TEST(response.error().message().ends_with(": 300"), response.error().message());
    BOOST_TEST(!client->usable());
}

BOOST_AUTO_TEST_CASE(a_trap_becomes_an_error_with_the_router_message) {
    Started router;
    auto client = std::move(Client::connect(router.endpoint())).value();
    router.simulator.trap_next("/ppp/secret/set", "failure: device busy");
    auto response = client->run(Command("/ppp/secret/set").set(".id", "*1").set("profile", "20M"));
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST((response.error().code == ErrorCode::BadGateway));
    BOOST_TEST(response.error().message().starts_with("router menolak perintah: "), response.error().message());
    BOOST_TEST(response.error().message().ends_with(": /ppp/secret/set: failure: device busy"), response.error().message());
    BOOST_TEST(client->usable());  // a trap does not end the session
}

BOOST_AUTO_TEST_CASE(a_connection_dropped_mid_sentence_is_reported_as_such) {
    Started router;
    auto client = std::move(Client::connect(router.endpoint())).value();
    router.simulator.drop_next("/ppp/secret/print");
    auto response = client->run(Command("/ppp/secret/print"));
    BOOST_TEST_REQUIRE(!response.ok());
    BOOST_TEST(response.error().message().starts_with("koneksi router putus di tengah jawaban: "), response.error().message());
    BOOST_TEST(!client->usable());
}

BOOST_AUTO_TEST_CASE(router_control_reuses_one_connection_and_reconnects_after_a_restart) {
    Started router;
    Router config;
    config.id = 9001;
    config.host = "127.0.0.1";
    config.port = router.simulator.port();
    config.username = "billing";
    config.password = "billing-demo";
    auto control = routeros::router_control(config, fast());
    for (int round = 0; round < 5; ++round) BOOST_TEST(control->test().ok());
    BOOST_TEST(router.simulator.logins() == 1u);
    router.simulator.set_down(true);
    auto down = control->test();
    BOOST_TEST_REQUIRE(!down.ok());
    BOOST_TEST(down.error().message().find("connection refused") != std::string::npos, down.error().message());
    router.simulator.set_down(false);
    BOOST_TEST(control->test().ok());
    BOOST_TEST(router.simulator.logins() == 2u);
    close_cached_connections();
}

BOOST_AUTO_TEST_CASE(router_control_profile_switch_kicks_and_verifies) {
    Started router;
    Router config;
    config.id = 9002;
    config.host = "127.0.0.1";
    config.port = router.simulator.port();
    config.username = "billing";
    config.password = "billing-demo";
    auto control = routeros::router_control(config);
    BOOST_TEST_REQUIRE(control->ensure_profile("ISOLIR", "512k/512k").ok());
    BOOST_TEST(router.simulator.find("/ppp/profile", "ISOLIR")->at("rate-limit") == "512k/512k");
    BOOST_TEST(router.simulator.find("/ppp/active", "cust002").has_value());
    auto results = control->switch_profiles({{"cust002", "ISOLIR"}, {"cust004", "ISOLIR"}, {"nobody", "ISOLIR"}});
    BOOST_TEST_REQUIRE(results.ok());
    BOOST_TEST(results->at(0).ok);
    BOOST_TEST(results->at(0).changed);
    BOOST_TEST(results->at(0).kicked == 1);
    BOOST_TEST(results->at(0).profile_before == "30M");  // cust002 is on the 30M package in the demo
    BOOST_TEST(!results->at(2).ok);
    BOOST_TEST(results->at(2).error.find("not found") != std::string::npos);
    BOOST_TEST(router.simulator.find("/ppp/secret", "cust002")->at("profile") == "ISOLIR");
    BOOST_TEST(!router.simulator.find("/ppp/active", "cust002").has_value());
    // Idempotent: a repeat changes and kicks nothing.
    auto again = control->switch_profiles({{"cust002", "ISOLIR"}});
    BOOST_TEST(again->at(0).ok);
    BOOST_TEST(!again->at(0).changed);
    BOOST_TEST(again->at(0).kicked == 0);
    // An unknown profile is refused by the router and reported per secret.
    auto refused = control->switch_profiles({{"cust006", "NOPE"}});
    BOOST_TEST(!refused->at(0).ok);
    BOOST_TEST(refused->at(0).error == "input does not match any value of profile");

    BOOST_TEST_REQUIRE(control->upsert_secret({"", "cust900", "rahasia", "10M", "pppoe", false, ""}).ok());
    BOOST_TEST(router.simulator.find("/ppp/secret", "cust900")->at("password") == "rahasia");
    BOOST_TEST_REQUIRE(control->upsert_secret({"", "cust900", "", "20M", "pppoe", false, ""}).ok());
    BOOST_TEST(router.simulator.find("/ppp/secret", "cust900")->at("profile") == "20M");
    BOOST_TEST_REQUIRE(control->set_secret_enabled("cust900", false).ok());
    BOOST_TEST(router.simulator.find("/ppp/secret", "cust900")->at("disabled") == "true");
    BOOST_TEST_REQUIRE(control->address_list_add("ISOLIR", "10.10.10.5", "cust900").ok());
    BOOST_TEST_REQUIRE(control->address_list_add("ISOLIR", "10.10.10.5", "cust900").ok());
    BOOST_TEST(router.simulator.rows("/ip/firewall/address-list").size() == 1u);
    BOOST_TEST_REQUIRE(control->address_list_remove("ISOLIR", "10.10.10.5").ok());
    BOOST_TEST(router.simulator.rows("/ip/firewall/address-list").empty());
    close_cached_connections();
}

BOOST_AUTO_TEST_SUITE_END()
