// GET /billing/status/{order_id} (the bill page's poll) and the gateways' way back to the bill
// page (/billing?merchantOrderId=… or ?order_id=…) answered any number of order ids from one
// source as fast as it asked: every other public lookup has a per-source limit, these had none.
// Now they share one per-source bucket (4× billing_check_rate_per_minute, like the bill page):
// past it 429 with Retry-After, from that source only; nothing is written either way.
#include <boost/test/unit_test.hpp>

#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Order {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false}};
    std::string order_id;

    Order() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        auto settings = gateway_simulator_settings(simulator, server.url(""));
        settings["billing_check_rate_per_minute"] = "5";  // 20 status answers a minute per source
        apply_settings(server, settings);
        const std::string token = server.login("finance");
        BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token).status == 200);
        const std::string invoice = server.scalar("SELECT MIN(id) FROM invoices WHERE status <> 'paid'");
        auto paid = server.call("POST", "/billing/pay", R"({"invoice_id":)" + invoice + R"(,"gateway":"flip","method":"bni_va"})", {}, "127.0.31.1");
        BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
        order_id = paid.json()["order_id"].get<std::string>();
    }
};

constexpr int kStatusPerMinute = 20;  // 4 × 5

}  // namespace

BOOST_AUTO_TEST_SUITE(order_status_probe)

BOOST_AUTO_TEST_CASE(probing_order_ids_from_one_source_is_refused_past_its_budget_and_no_one_else_is) {
    Order fixture;
    TestServer& server = fixture.server;
    const std::string prefix = fixture.order_id.substr(0, fixture.order_id.rfind('-') + 1);
    const std::string before = server.snapshot();
    int answered = 0;
    HttpReply refused;
    for (int guess = 0; guess < 200 && refused.status != 429; ++guess) {
        auto reply = server.call("GET", "/billing/status/" + prefix + std::to_string(guess), {}, {}, "127.0.31.2");
        if (reply.status == 429) refused = reply;
        else ++answered;
    }
    BOOST_TEST(answered == kStatusPerMinute);
    BOOST_TEST_REQUIRE(refused.status == 429);
    BOOST_TEST(refused.error_code() == "rate_limited");
    BOOST_TEST(std::stoi(refused.headers["retry-after"]) >= 1);
    // The same source is refused the real order too (the budget is the source's, not the id's)…
    BOOST_TEST(server.call("GET", "/billing/status/" + fixture.order_id, {}, {}, "127.0.31.2").status == 429);
    // …and the gateway's way back from it is refused as a page, with Retry-After.
    const auto back = http_request("GET", server.url("/billing?merchantOrderId=" + fixture.order_id), {}, {}, "127.0.31.2");
    BOOST_TEST(back.status == 429);
    BOOST_TEST(back.headers.at("content-type").starts_with("text/html"));
    BOOST_TEST(std::stoi(back.headers.at("retry-after")) >= 1);
    BOOST_TEST(back.body.find("dikonfirmasi") == std::string::npos);
    // Another source (the customer whose page polls) still gets its answers.
    const auto own = server.call("GET", "/billing/status/" + fixture.order_id, {}, {}, "127.0.31.3");
    BOOST_TEST(own.status == 200, own.body);
    BOOST_TEST(own.json()["status"] == "pending");
    BOOST_TEST(http_request("GET", server.url("/billing?order_id=" + fixture.order_id), {}, {}, "127.0.31.3").body.find("dikonfirmasi") != std::string::npos);
    // A minute later the prober's bucket has refilled.
    server.clock().advance(61);
    BOOST_TEST(server.call("GET", "/billing/status/" + fixture.order_id, {}, {}, "127.0.31.2").status == 200);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(the_way_back_from_the_gateway_takes_from_the_same_bucket_as_the_poll) {
    Order fixture;
    TestServer& server = fixture.server;
    const std::string before = server.snapshot();
    int answered = 0;
    HttpReply refused;
    for (int guess = 0; guess < 200 && refused.status != 429; ++guess) {
        const char* key = guess % 2 ? "merchantOrderId" : "order_id";  // both of the gateways' names
        auto reply = http_request("GET", server.url("/billing?" + std::string(key) + "=INV-NOPE-" + std::to_string(guess)), {}, {}, "127.0.32.1");
        if (reply.status == 429) refused = reply;
        else ++answered;
    }
    BOOST_TEST(answered == kStatusPerMinute);
    BOOST_TEST_REQUIRE(refused.status == 429);
    BOOST_TEST(server.call("GET", "/billing/status/" + fixture.order_id, {}, {}, "127.0.32.1").status == 429);
    // The plain bill-check page (no order id) is no lookup: it stays open to that source.
    BOOST_TEST(http_request("GET", server.url("/billing"), {}, {}, "127.0.32.1").status == 200);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
