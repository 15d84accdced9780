// A reseller's top-up from the side of the cashier whose connection drops (or who presses twice):
// a top-up puts money on a reseller's balance, which the reseller spends on vouchers. Until Dec
// 2026 it was the one money write without an Idempotency-Key: the same top-up sent again, or
// six copies of it at once, credited the reseller six times. Now it takes a key (the
// Idempotency-Key header or `idempotency_key`, per user, stored on its ledger row under a unique
// index): the repeat answers the first top-up and credits nothing; the key on another reseller,
// amount or note is 409 on `idempotency_key` and changes nothing. Both engines.
#include <boost/test/unit_test.hpp>

#include <latch>
#include <thread>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

struct Desk {
    TestServer server;
    std::string admin = server.login("admin");
    std::string finance = server.login("finance");
    std::int64_t reseller = make("Warung Bu Sri", "081234567890");
    std::int64_t other = make("Konter Pak Budi", "081234567891");

    std::int64_t make(const std::string& name, const std::string& phone) {
        auto made = server.post("/api/resellers", Json{{"name", name}, {"phone", phone}, {"commission_type", "percent"}, {"commission_value", 1000}}.dump(),
                                admin);
        BOOST_TEST_REQUIRE(made.status == 201, made.body);
        return made.json()["data"]["id"];
    }
    HttpReply top_up(std::int64_t id, const Json& body, const std::string& token, const std::string& key) {
        return http_request("POST", server.url("/api/resellers/" + std::to_string(id) + "/top-up"), body.dump(),
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Idempotency-Key", key}});
    }
    std::string balance(std::int64_t id) { return server.scalar("SELECT balance FROM resellers WHERE id = " + std::to_string(id)); }
    std::string ledger_rows() { return server.scalar("SELECT COUNT(*) FROM reseller_ledger"); }
};

void refused_as_reused(const HttpReply& reply) {
    BOOST_TEST(reply.status == 409, reply.body);
    BOOST_TEST(reply.json()["error"]["fields"].contains("idempotency_key"), reply.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reseller_top_up_keys)

BOOST_AUTO_TEST_CASE(a_top_up_sent_again_under_its_key_credits_once) {
    Desk desk;
    const Json body{{"amount", 50000}, {"note", "tunai di kantor"}};
    auto first = desk.top_up(desk.reseller, body, desk.finance, "topup-7f3a");
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    BOOST_TEST(first.json()["data"]["balance"] == 50000);
    const std::string after_first = desk.server.snapshot();

    auto again = desk.top_up(desk.reseller, body, desk.finance, "topup-7f3a");
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["data"]["balance"] == 50000, "the repeat answers the first top-up");
    BOOST_TEST(again.json()["repeated"] == true, again.body);
    BOOST_TEST(desk.balance(desk.reseller) == "50000");
    BOOST_TEST(desk.server.snapshot() == after_first, "the repeat changes nothing");

    // The key in the body works as the header does.
    Json keyed = {{"amount", 20000}, {"idempotency_key", "topup-body-1"}};
    auto path = "/api/resellers/" + std::to_string(desk.reseller) + "/top-up";
    BOOST_TEST_REQUIRE(desk.server.post(path, keyed.dump(), desk.finance).status == 200);
    BOOST_TEST_REQUIRE(desk.server.post(path, keyed.dump(), desk.finance).status == 200);
    BOOST_TEST(desk.balance(desk.reseller) == "70000");
}

BOOST_AUTO_TEST_CASE(six_copies_at_once_credit_once) {
    Desk desk;
    const Json body{{"amount", 100000}};
    std::latch ready(6);
    std::vector<HttpReply> replies(6);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < replies.size(); ++i)
        threads.emplace_back([&, i] {
            ready.arrive_and_wait();
            replies[i] = desk.top_up(desk.reseller, body, desk.finance, "double-click-1");
        });
    for (auto& thread : threads) thread.join();
    for (const auto& reply : replies) BOOST_TEST((reply.status == 200 || reply.status == 409), reply.status << " " << reply.body);
    BOOST_TEST(desk.balance(desk.reseller) == "100000");
    BOOST_TEST(desk.ledger_rows() == "1");
}

BOOST_AUTO_TEST_CASE(the_key_on_another_top_up_is_refused_and_keys_are_per_user) {
    Desk desk;
    BOOST_TEST_REQUIRE(desk.top_up(desk.reseller, {{"amount", 50000}, {"note", "tunai"}}, desk.finance, "k-1").status == 200);
    const std::string before = desk.server.snapshot();
    refused_as_reused(desk.top_up(desk.reseller, {{"amount", 500000}, {"note", "tunai"}}, desk.finance, "k-1"));
    refused_as_reused(desk.top_up(desk.reseller, {{"amount", 50000}, {"note", "transfer"}}, desk.finance, "k-1"));
    refused_as_reused(desk.top_up(desk.other, {{"amount", 50000}, {"note", "tunai"}}, desk.finance, "k-1"));
    auto malformed = desk.top_up(desk.reseller, {{"amount", 50000}}, desk.finance, "bad key with spaces");
    BOOST_TEST(malformed.status == 422, malformed.body);
    BOOST_TEST(desk.server.snapshot() == before, "refusals change nothing");

    // Another user's same key is their own top-up.
    auto admins = desk.top_up(desk.reseller, {{"amount", 50000}, {"note", "tunai"}}, desk.admin, "k-1");
    BOOST_TEST_REQUIRE(admins.status == 200, admins.body);
    BOOST_TEST(desk.balance(desk.reseller) == "100000");
}

BOOST_AUTO_TEST_SUITE_END()
