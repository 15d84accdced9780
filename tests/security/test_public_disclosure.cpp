// Issue #14 items 10 and 7: the anonymous pages (bill check, bill page, isolir page) showed full
// names (and a phone) for sequential service numbers, and their limits did not say when to come
// back. Now: a masked name, never address or phone, a per-source limit whose 429 carries
// Retry-After, taken atomically, that never limits another source.
// Hostile service numbers (markup, a path climb, unicode, NUL, 1 MB) are never reflected, all look
// alike, and every answer carries the browser defences and no-store.
#include <boost/test/unit_test.hpp>
#include <latch>
#include <thread>
#include <vector>

#include "customers/name_mask.hpp"
#include "raw_http.hpp"
#include "support/gateway_settings.hpp"
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


// An attacker's service numbers on every public page that takes one (the bill page by path and by
// query, the isolir page's ?u=): markup, a path climb, unicode (a right-to-left override, an emoji,
// bytes that are not UTF-8), a NUL, 5 KB and 1 MB. Nothing of what was typed comes back unescaped;
// every number that is no customer's gets the same page as any other unknown one (status and bytes,
// so no shape of number tells anything); the browser defences are on every answer and a bill page
// is never stored by a shared cache; nothing is written.
BOOST_AUTO_TEST_CASE(hostile_service_numbers_are_never_reflected_and_all_look_alike) {
    TestServer server;
    apply_settings(server, {{"billing_check_rate_per_minute", "0"}});  // 0 = no limit: every probe gets its answer
    const std::string before = server.snapshot();
    const std::string unknown = server.get("/billing/TIDAKADA").body;
    const std::string unknown_isolir = server.get("/isolir?u=tidakada").body;
    const std::vector<std::string> hostile = {
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "..%2F..%2Fetc%2Fpasswd", "%2E%2E",
        "%E2%80%AECUST001", "%F0%9F%98%80", "%FF%FE", "%ED%A0%80", "%E0%80%AF", "%00CUST001", "CUST001%27%20OR%20%271%27%3D%271", std::string(5000, 'A')};
    const auto defended = [](const HttpReply& reply, const std::string& where) {
        BOOST_TEST_CONTEXT(where.substr(0, 80)) {
            BOOST_TEST(reply.body.find("<script>alert") == std::string::npos);
            BOOST_TEST(reply.body.find("<img src=x") == std::string::npos);
            BOOST_TEST(reply.body.find("onerror=alert") == std::string::npos);
            const auto header = [&](const char* name) { return reply.headers.contains(name) ? reply.headers.at(name) : std::string("(none)"); };
            BOOST_TEST(reply.status != 0);
            BOOST_TEST(header("cache-control") == "no-store");
            BOOST_TEST(header("x-content-type-options") == "nosniff");
            BOOST_TEST(header("x-frame-options") == "DENY");
            BOOST_TEST(header("referrer-policy") == "no-referrer");
            BOOST_TEST(header("content-security-policy").find("frame-ancestors 'none'") != std::string::npos);
        }
    };
    for (const std::string& number : hostile) {
        for (const std::string& path : {"/billing/" + number, "/billing?nomor_layanan=" + number}) {
            const auto reply = server.get(path);
            defended(reply, path);
            BOOST_TEST(reply.status == 404, path.substr(0, 80));
            BOOST_TEST(reply.body == unknown, path.substr(0, 80));
        }
        const auto isolir = server.get("/isolir?u=" + number);
        defended(isolir, number);
        BOOST_TEST(isolir.status == 200);
        BOOST_TEST(isolir.body == unknown_isolir, number.substr(0, 80));
    }
    // The order ids the bill page and the gateways' way back take: bytes that are no UTF-8 are no
    // order's (PostgreSQL refuses them in a query: that was a 500), the same as any unknown id.
    const std::string plain = server.get("/billing").body;
    for (const std::string& order : {std::string("%FF%FE"), std::string("%ED%A0%80"), std::string("%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                                     std::string("INV-1-%C3%28")}) {
        for (const std::string& path : {"/billing?merchantOrderId=" + order, "/billing?order_id=" + order}) {
            const auto reply = server.get(path);
            defended(reply, path);
            BOOST_TEST(reply.status == 200, path);
            BOOST_TEST(reply.body == plain, path);
        }
        const auto status = server.get("/billing/status/" + order);
        BOOST_TEST(status.status == 404, order << ": " << status.body);
    }
    // 1 MB: refused before any lookup, the same way on each page (sent as raw bytes: curl's own
    // limits are not the attacker's).
    const std::string url = server.url("");
    const int port = std::stoi(url.substr(url.rfind(':') + 1));
    for (const std::string& target : {"/billing/" + std::string(1 << 20, 'A'), "/billing?nomor_layanan=" + std::string(1 << 20, 'A'),
                                      "/isolir?u=" + std::string(1 << 20, 'A')}) {
        RawConnection connection(port);
        BOOST_TEST_REQUIRE(connection.ok());
        connection.send_all(raw_get(target));  // the server may answer and close before the last byte
        const auto raw = connection.read_response();
        BOOST_TEST_REQUIRE(raw.has_value(), target.substr(0, 30));
        HttpReply reply{raw->status, raw->body, raw->headers};
        defended(reply, "1 MB");
        BOOST_TEST(reply.status == 400, reply.body.substr(0, 200));
    }
    // A real customer's page: private to the browser, never kept by a proxy.
    const auto own = server.get("/billing/CUST001");
    BOOST_TEST_REQUIRE(own.status == 200);
    defended(own, "CUST001");
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
