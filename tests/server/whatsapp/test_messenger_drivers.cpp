#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

#include "sim/sim_http.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/messenger.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

struct Gateway {
    sim::WhatsAppSimulator simulator;
    Gateway() { BOOST_TEST_REQUIRE(simulator.start().ok()); }

    std::unique_ptr<whatsapp::Messenger> messenger(const std::string& driver, std::string key = {}) {
        if (key.empty()) key = driver == "gowa" ? simulator.options().basic_auth : simulator.options().api_key;
        whatsapp::MessengerSettings settings{driver, simulator.base_url(), simulator.options().sender, key, 1000};
        auto made = whatsapp::make_messenger(settings);
        BOOST_TEST_REQUIRE(made.ok());
        return std::move(made).value();
    }
};

const char* const kDrivers[] = {"mpwa", "fonnte", "gowa"};

}  // namespace

BOOST_AUTO_TEST_SUITE(messenger_drivers)

BOOST_DATA_TEST_CASE(sends_through_the_gateway_and_returns_its_id, data::make(kDrivers), driver) {
    Gateway gateway;
    auto outcome = gateway.messenger(driver)->send("6281234567890", "Halo *Budi* 👋\nbaris dua & 100% = ok");
    BOOST_TEST(outcome.delivered, outcome.error);
    BOOST_TEST(!outcome.message_id.empty());
    const auto messages = gateway.simulator.messages();
    BOOST_TEST_REQUIRE(messages.size() == 1u);
    BOOST_TEST(messages[0].driver == std::string(driver));
    BOOST_TEST(messages[0].to == "6281234567890");
    BOOST_TEST(messages[0].message == "Halo *Budi* 👋\nbaris dua & 100% = ok");
}

BOOST_DATA_TEST_CASE(a_500_is_a_retryable_failure, data::make(kDrivers), driver) {
    Gateway gateway;
    gateway.simulator.set_mode(sim::SimMode::Error500, 1);
    auto messenger = gateway.messenger(driver);
    auto failed = messenger->send("6281234567890", "x");
    BOOST_TEST(!failed.delivered);
    BOOST_TEST(failed.retryable);
    BOOST_TEST(failed.error.starts_with("gateway sedang bermasalah: HTTP 500"), failed.error);
    BOOST_TEST(messenger->send("6281234567890", "x").delivered);  // recovered after one failure
}

BOOST_DATA_TEST_CASE(a_timeout_is_a_retryable_failure, data::make(kDrivers), driver) {
    Gateway gateway;
    gateway.simulator.set_delay_ms(1500);
    auto failed = gateway.messenger(driver)->send("6281234567890", "x");
    BOOST_TEST(!failed.delivered);
    BOOST_TEST(failed.retryable);
    BOOST_TEST(failed.error.starts_with("gateway tidak menjawab dalam batas waktu: "), failed.error);
}

BOOST_DATA_TEST_CASE(a_wrong_token_is_reported_clearly, data::make(kDrivers), driver) {
    Gateway gateway;
    auto failed = gateway.messenger(driver, std::string(driver) == "gowa" ? "kimonet:wrong" : "wrong-key")->send("6281234567890", "x");
    BOOST_TEST(!failed.delivered);
    BOOST_TEST(failed.retryable);  // the admin fixes the key, then the queue drains
    const std::map<std::string, std::string> expected = {{"mpwa", "gateway menolak pesan: token invalid"},
                                                          {"fonnte", "gateway menolak pesan: invalid token"},
                                                          {"gowa", "gateway menolak kredensial: HTTP 401: Unauthorized access"}};
    BOOST_TEST(failed.error == expected.at(driver));
    BOOST_TEST(gateway.simulator.messages().empty());
}

BOOST_DATA_TEST_CASE(token_invalid_mode_answers_like_the_gateway, data::make(kDrivers), driver) {
    Gateway gateway;
    gateway.simulator.set_mode(sim::SimMode::TokenInvalid);
    auto failed = gateway.messenger(driver)->send("6281234567890", "x");
    BOOST_TEST(!failed.delivered);
    BOOST_TEST(!failed.error.empty());
    BOOST_TEST(!failed.response.empty());
}

BOOST_AUTO_TEST_CASE(an_unreachable_gateway_is_retryable) {
    whatsapp::MessengerSettings settings{"fonnte", "http://127.0.0.1:1", "628", "k", 1000};
    auto outcome = whatsapp::make_fonnte_messenger(settings)->send("6281234567890", "x");
    BOOST_TEST(!outcome.delivered);
    BOOST_TEST(outcome.retryable);
    BOOST_TEST(outcome.error.starts_with("gateway tidak dapat dihubungi: "), outcome.error);
}

BOOST_DATA_TEST_CASE(device_status_shows_connection_and_pairing_qr, data::make(kDrivers), driver) {
    Gateway gateway;
    auto messenger = gateway.messenger(driver);
    auto connected = messenger->device_status();
    BOOST_TEST_REQUIRE(connected.ok(), (connected ? "" : connected.error().message()));
    BOOST_TEST(connected->connected);
    BOOST_TEST(connected->qr_code.empty());
    // The paired number (gowa: the JID /app/status gives, not the device slot's id).
    BOOST_TEST(connected->device == gateway.simulator.options().sender);
    gateway.simulator.set_connected(false);
    auto unpaired = messenger->device_status();
    BOOST_TEST_REQUIRE(unpaired.ok());
    BOOST_TEST(!unpaired->connected);
    BOOST_TEST(!unpaired->qr_code.empty());
}

BOOST_AUTO_TEST_CASE(unknown_driver_and_missing_url_are_clean_errors) {
    auto unknown = whatsapp::make_messenger({"telegram", "http://x", "", "", 1000});
    BOOST_TEST_REQUIRE(!unknown.ok());
    BOOST_TEST(unknown.error().fields.at("whatsapp_driver") == "mpwa, fonnte, gowa, wablas, waha atau meta");
    auto unconfigured = whatsapp::make_messenger({"fonnte", "", "", "", 1000});
    BOOST_TEST_REQUIRE(!unconfigured.ok());
    BOOST_TEST(unconfigured.error().http_status() == 503);
}

BOOST_AUTO_TEST_CASE(gowa_gets_the_jid_form_and_basic_auth) {
    Gateway gateway;
    // A raw request without the @s.whatsapp.net suffix is refused by the gateway (400), which the
    // driver would treat as permanent: our driver always adds it.
    whatsapp::HttpCall call;
    call.url = gateway.simulator.base_url() + "/send/message";
    call.basic_auth = gateway.simulator.options().basic_auth;
    call.headers["Content-Type"] = "application/json";
    call.body = R"({"phone":"6281234567890","message":"x"})";
    BOOST_TEST(whatsapp::perform(call).status == 400);
    BOOST_TEST(gateway.messenger("gowa")->send("6281234567890", "x").delivered);
}

// go-whatsapp-web-multidevice v9.0.0 (docs/openapi.yaml): GET /app/devices lists a device slot
// whether or not it is logged in ({"device": "<slot id>", "jid": ""} until login), so a logged-out
// gateway must not read as connected; GET /app/status says is_connected / is_logged_in. A gateway
// older than /app/status (404) is still read from its device list.
BOOST_AUTO_TEST_CASE(gowa_logged_out_device_slot_is_not_connected) {
    sim::HttpServer server;
    std::string status_body;
    int status_code = 200;
    BOOST_TEST_REQUIRE(server.start("127.0.0.1", 0, [&](const sim::HttpRequest& request, sim::HttpResponse& response) {
        if (request.path == "/app/status") {
            response.status = status_code;
            response.body = status_body;
        } else if (request.path == "/app/devices") {
            response.body = R"({"code":"SUCCESS","message":"Fetch device success","results":[{"name":"","device":"org_2","jid":""}]})";
        } else if (request.path == "/app/login") {
            response.body = R"({"code":"SUCCESS","message":"Success","results":{"qr_duration":30,"qr_link":"http://localhost:3000/statics/images/qrcode/scan-qr-b0b7bb43.png"}})";
        } else {
            response.status = 404;
            response.body = R"({"code":"NOT_FOUND","message":"Not Found","results":null})";
        }
    }).empty());
    whatsapp::MessengerSettings settings{"gowa", "http://127.0.0.1:" + std::to_string(server.port()), "", "admin:admin", 1000};
    auto messenger = whatsapp::make_gowa_messenger(settings);

    status_body = R"({"status":200,"code":"SUCCESS","message":"Connection status retrieved","results":{"is_connected":true,"is_logged_in":false,"device_id":"org_2","jid":""}})";
    auto logged_out = messenger->device_status();
    BOOST_TEST_REQUIRE(logged_out.ok(), (logged_out ? "" : logged_out.error().message()));
    BOOST_TEST(!logged_out->connected);
    BOOST_TEST(logged_out->qr_code == "http://localhost:3000/statics/images/qrcode/scan-qr-b0b7bb43.png");

    status_body = R"({"status":200,"code":"SUCCESS","message":"Connection status retrieved","results":{"is_connected":true,"is_logged_in":true,"device_id":"org_2","jid":"6289685028129@s.whatsapp.net"}})";
    auto logged_in = messenger->device_status();
    BOOST_TEST_REQUIRE(logged_in.ok());
    BOOST_TEST(logged_in->connected);
    BOOST_TEST(logged_in->device == "6289685028129");

    status_code = 404;  // an older gateway: the device list is all there is
    status_body = R"({"code":"NOT_FOUND","message":"Not Found","results":null})";
    auto older = messenger->device_status();
    BOOST_TEST_REQUIRE(older.ok());
    BOOST_TEST(older->connected);
}

BOOST_AUTO_TEST_CASE(reads_keep_their_connection_and_writes_always_open_their_own) {
    // A gateway's status API is asked once per paid callback: a thread's reads share one kept
    // connection (in production no TLS handshake each time). A write never goes on a kept one:
    // curl resends a request whose kept connection turns out closed, and a charge or a message
    // must never be sent twice.
    sim::HttpServer server;
    std::atomic<int> accepted{0};
    server.set_reset_gate([&] {
        ++accepted;
        return false;
    });
    BOOST_TEST_REQUIRE(server.start("127.0.0.1", 0, [](const sim::HttpRequest& request, sim::HttpResponse& response) {
        response.body = R"({"method":")" + request.method + "\"}";
    }).empty());
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/v2/order-1/status";
    std::vector<whatsapp::HttpAnswer> answers;
    std::thread([&] {  // a thread of its own: no kept connection from another test
        for (const char* method : {"GET", "GET", "GET", "POST", "POST", "GET"}) {
            whatsapp::HttpCall call;
            call.method = method;
            call.url = url;
            answers.push_back(whatsapp::perform(call));
        }
    }).join();
    BOOST_TEST_REQUIRE(answers.size() == 6u);
    for (std::size_t i = 0; i < answers.size(); ++i) BOOST_TEST(answers[i].status == 200, "call " << i);
    BOOST_TEST(answers[3].body == R"({"method":"POST"})");
    BOOST_TEST(answers[5].body == R"({"method":"GET"})");
    // One connection for the four reads, one for each write.
    BOOST_TEST(accepted.load() == 3);
}

BOOST_AUTO_TEST_SUITE_END()
