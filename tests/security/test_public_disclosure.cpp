// Issue #14 items 10 and 7: the anonymous pages (bill check, bill page, isolir page) showed full
// names (and a phone) for sequential service numbers, and their limits did not say when to come
// back. Now: a masked name, never address or phone, a per-source limit whose 429 carries
// Retry-After, taken atomically, that never limits another source.
#include <boost/test/unit_test.hpp>
#include <latch>
#include <thread>
#include <vector>

#include "customers/name_mask.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Person {
    std::string number, name, phone, address, pppoe;
};

std::vector<Person> customers_of(TestServer& server, int count) {
    std::vector<Person> people;
    for (int id = 1; id <= count; ++id) {
        const std::string where = " FROM customers WHERE id = " + std::to_string(id);
        people.push_back({server.scalar("SELECT service_number" + where), server.scalar("SELECT name" + where), server.scalar("SELECT phone" + where),
                          server.scalar("SELECT address" + where), server.scalar("SELECT pppoe_username" + where)});
    }
    return people;
}

// Nothing of the person but the masked name: not the full name, not any word of it beyond two
// letters, not the phone (in any common spelling), not the address.
void expect_only_masked(const std::string& body, const Person& person, const std::string& where) {
    BOOST_TEST_CONTEXT(where << " " << person.number) {
        BOOST_TEST(body.find(customers::mask_name(person.name)) != std::string::npos, body.substr(0, 400));
        BOOST_TEST(body.find(person.name) == std::string::npos);
        BOOST_TEST(body.find(person.phone) == std::string::npos);
        if (person.phone.starts_with("62")) BOOST_TEST(body.find("0" + person.phone.substr(2)) == std::string::npos);
        BOOST_TEST(body.find(person.phone.substr(person.phone.size() - 4)) == std::string::npos);
        if (!person.address.empty()) BOOST_TEST(body.find(person.address) == std::string::npos);
        BOOST_TEST(body.find("telepphone") == std::string::npos);
    }
}

int per_minute(TestServer& server) {
    return std::stoi(server.scalar("SELECT COALESCE((SELECT value FROM settings WHERE key = 'billing_check_rate_per_minute'), '30')"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(public_disclosure)

BOOST_AUTO_TEST_CASE(enumerating_service_numbers_yields_masked_names_only_then_429_with_retry_after) {
    TestServer server;
    const auto people = customers_of(server, 10);
    const std::string before = server.snapshot();
    for (const auto& person : people) {
        auto check = server.call("POST", "/billing/check", api::Json{{"customer_number", person.number}}.dump(), {}, "127.0.5.1");
        BOOST_TEST_REQUIRE(check.status == 200, check.body);
        BOOST_TEST(check.json()["customer"]["nama_pelanggan"] == customers::mask_name(person.name));
        expect_only_masked(check.body, person, "/billing/check");
        auto page = http_request("GET", server.url("/billing/" + person.number), {}, {}, "127.0.5.2");
        BOOST_TEST_REQUIRE(page.status == 200);
        expect_only_masked(page.body, person, "/billing/{number}");
        auto isolir = http_request("GET", server.url("/isolir?u=" + person.pppoe), {}, {}, "127.0.5.3");
        BOOST_TEST_REQUIRE(isolir.status == 200);
        expect_only_masked(isolir.body, person, "/isolir?u=");
    }
    // Keep enumerating from the same source: the limit answers 429 with Retry-After.
    HttpReply refused;
    for (int attempt = 0; attempt < per_minute(server) && refused.status != 429; ++attempt)
        refused = server.call("POST", "/billing/check", R"({"customer_number":"CUST999"})", {}, "127.0.5.1");
    BOOST_TEST_REQUIRE(refused.status == 429);
    BOOST_TEST(refused.error_code() == "rate_limited");
    BOOST_TEST(std::stoi(refused.headers["retry-after"]) >= 1);
    BOOST_TEST(std::stoi(refused.headers["retry-after"]) <= 60);
    HttpReply page_refused;
    for (int attempt = 0; attempt < 4 * per_minute(server) && page_refused.status != 429; ++attempt)
        page_refused = http_request("GET", server.url("/billing/CUST001"), {}, {}, "127.0.5.2");
    BOOST_TEST(page_refused.status == 429);
    BOOST_TEST(std::stoi(page_refused.headers["retry-after"]) >= 1);
    // Another source is not limited, and time brings the limited one back.
    BOOST_TEST(server.call("POST", "/billing/check", api::Json{{"customer_number", people[0].number}}.dump(), {}, "127.0.5.9").status == 200);
    server.clock().advance(std::stoi(refused.headers["retry-after"]));
    BOOST_TEST(server.call("POST", "/billing/check", api::Json{{"customer_number", people[0].number}}.dump(), {}, "127.0.5.1").status == 200);
    BOOST_TEST(server.snapshot() == before);  // looking changes nothing
}

BOOST_AUTO_TEST_CASE(concurrent_checks_from_one_source_get_exactly_the_allowance) {
    TestServer server;
    const int allowance = per_minute(server);
    const int attempts = allowance * 2;
    std::vector<int> statuses(attempts);
    std::vector<std::string> retry_after(attempts);
    std::latch ready(attempts);
    std::vector<std::thread> threads;
    for (int index = 0; index < attempts; ++index) {
        threads.emplace_back([&, index] {
            ready.arrive_and_wait();
            auto reply = http_request("POST", server.url("/billing/check"), R"({"customer_number":"CUST001"})",
                                      {{"Content-Type", "application/json"}}, "127.0.6.1");
            statuses[index] = reply.status;
            retry_after[index] = reply.headers["retry-after"];
        });
    }
    for (auto& thread : threads) thread.join();
    int ok = 0, limited = 0;
    for (int index = 0; index < attempts; ++index) {
        if (statuses[index] == 200) ++ok;
        if (statuses[index] == 429) {
            ++limited;
            BOOST_TEST(!retry_after[index].empty());
        }
    }
    BOOST_TEST(ok == allowance);  // never more than the bucket holds, whatever the interleaving
    BOOST_TEST(limited == attempts - allowance);
    BOOST_TEST(server.call("POST", "/billing/check", R"({"customer_number":"CUST001"})", {}, "127.0.6.2").status == 200);
}

BOOST_AUTO_TEST_CASE(pay_and_registration_limits_answer_429_with_retry_after_per_source) {
    TestServer server;
    HttpReply pay;
    for (int attempt = 0; attempt <= per_minute(server) && pay.status != 429; ++attempt)
        pay = server.call("POST", "/billing/pay", R"({"invoice_id":0})", {}, "127.0.7.1");
    BOOST_TEST(pay.status == 429);
    BOOST_TEST(std::stoi(pay.headers["retry-after"]) >= 1);
    BOOST_TEST(server.call("POST", "/billing/pay", R"({"invoice_id":0})", {}, "127.0.7.2").status != 429);

    const std::string before = server.snapshot();
    HttpReply registration;
    for (int attempt = 0; attempt < 50 && registration.status != 429; ++attempt)
        registration = server.call("POST", "/api/register", "{}", {}, "127.0.7.3");  // invalid: nothing stored either way
    BOOST_TEST(registration.status == 429);
    BOOST_TEST(std::stoi(registration.headers["retry-after"]) >= 1);
    BOOST_TEST(server.call("POST", "/api/register", "{}", {}, "127.0.7.4").status == 422);
    BOOST_TEST(server.snapshot() == before);
}

// A registration names a phone number anybody can type. The answer must not tell whether that
// number already has a registration waiting (that this person applied, and to this ISP): a
// number with an open registration is answered exactly as a new one, and nothing is stored or
// sent again (the pending registration's staff will call that number; its owner gets its
// registration number on WhatsApp, never the visitor).
BOOST_AUTO_TEST_CASE(registering_a_number_already_waiting_answers_as_a_new_number_and_changes_nothing) {
    TestServer server;
    const auto registration = [](const std::string& phone, const std::string& name) {
        return api::Json{{"name", name}, {"phone", phone}, {"address", "Jl. Melati No. 7, Bandung"}, {"package_id", 2}}.dump();
    };
    BOOST_TEST_REQUIRE(server.call("POST", "/api/register", registration("081234567890", "Siti Rahma"), {}, "127.0.8.1").status == 201);
    const std::string before = server.snapshot();
    auto waiting = server.call("POST", "/api/register", registration("+62 812 3456 7890", "Penasaran"), {}, "127.0.8.2");
    BOOST_TEST(server.snapshot() == before, "no second lead, no second confirmation, nothing logged");
    auto fresh = server.call("POST", "/api/register", registration("081298765432", "Penasaran"), {}, "127.0.8.3");
    BOOST_TEST(fresh.status == 201, fresh.body);
    BOOST_TEST(waiting.status == fresh.status, waiting.body);
    BOOST_TEST(waiting.body == fresh.body);
    BOOST_TEST(fresh.body.find("REG-") == std::string::npos, "a registration number would tell an old lead from a new one: " << fresh.body);
}

BOOST_AUTO_TEST_SUITE_END()
