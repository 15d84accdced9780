// Customer addresses ({nomor_layanan}.<billing_base_domain>) from an attacker's side: the Host
// header must not become a way to learn which service numbers exist. An unknown number answers
// byte for byte like a host outside the base domain; every customer-shaped host spends the bill
// page's per-source budget, and over it even a real customer's address is the normal site (no
// 429 either way); a malformed or oversized Host is refused with a 400 envelope and changes
// nothing. Sent as raw bytes: curl would refuse or rewrite some of these Host values.
#include <boost/test/unit_test.hpp>

#include "raw_http.hpp"
#include "services/settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

int port_of(TestServer& server) {
    const std::string url = server.url("");
    return std::stoi(url.substr(url.rfind(':') + 1));
}

RawResponse get_root(TestServer& server, const std::string& host) {
    RawConnection connection(port_of(server));
    BOOST_TEST_REQUIRE(connection.ok());
    BOOST_TEST_REQUIRE(connection.send_all("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"));
    auto response = connection.read_response();
    BOOST_TEST_REQUIRE(response.has_value());
    return *response;
}

// The answer as a caller compares it: status, type and body (the error reference differs per
// request, so a 5xx would show up here as a difference too).
std::string seen(const RawResponse& response) {
    auto type = response.headers.find("content-type");
    return std::to_string(response.status) + "|" + (type == response.headers.end() ? "" : type->second) + "|" + response.body;
}

void turn_on(TestServer& server, const std::map<std::string, std::string>& extra = {}) {
    std::map<std::string, std::string> values{{"billing_base_domain", "billing.example.id"}};
    values.insert(extra.begin(), extra.end());
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::update_settings(context, values).ok());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(customer_address_oracle)

BOOST_AUTO_TEST_CASE(an_unknown_number_answers_exactly_like_a_host_outside_the_base_domain) {
    TestServer server;
    turn_on(server);
    const std::string outside = seen(get_root(server, "other.example"));
    BOOST_TEST(seen(get_root(server, "billing.example.id")) == outside);
    for (const char* unknown : {"cust999.billing.example.id", "CUST0001.billing.example.id", "admin.billing.example.id", "x.billing.example.id:80"}) {
        BOOST_TEST_CONTEXT(unknown) { BOOST_TEST(seen(get_root(server, unknown)) == outside); }
    }
    // A real one is different: that is the feature.
    const RawResponse known = get_root(server, "cust001.billing.example.id");
    BOOST_TEST(known.status == 200);
    BOOST_TEST(known.body.find("CUST001") != std::string::npos);
    // And it shows what /billing/CUST001 shows anyway: a masked name, never a phone or address.
    const std::string phone = server.scalar("SELECT phone FROM customers WHERE service_number = 'CUST001'");
    const std::string address = server.scalar("SELECT address FROM customers WHERE service_number = 'CUST001'");
    BOOST_TEST(known.body.find(phone) == std::string::npos);
    BOOST_TEST(known.body.find(address) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(testing_numbers_through_host_spends_the_bill_page_budget_and_over_it_nothing_differs) {
    TestServer server;
    // 1 check a minute: the bill page allows four times that per source.
    turn_on(server, {{"billing_check_rate_per_minute", "1"}});
    const std::string outside = seen(get_root(server, "other.example"));
    for (int attempt = 0; attempt < 4; ++attempt) BOOST_TEST(seen(get_root(server, "nomor" + std::to_string(attempt) + ".billing.example.id")) == outside);
    // The budget is spent: a real customer's address is now the normal site too, not a 429.
    BOOST_TEST(seen(get_root(server, "cust001.billing.example.id")) == outside);
    BOOST_TEST(seen(get_root(server, "cust999.billing.example.id")) == outside);
    // The same bucket as /billing/{nomor_layanan}: that is refused now as well.
    BOOST_TEST(server.get("/billing/CUST001").status == 429);
    // A minute later the customer's address works again.
    server.clock().advance(61);
    BOOST_TEST(get_root(server, "cust001.billing.example.id").status == 200);
}

BOOST_AUTO_TEST_CASE(a_malformed_or_oversized_host_is_refused_cleanly_and_changes_nothing) {
    TestServer server;
    turn_on(server);
    const std::string before = server.snapshot();
    const std::string huge_label(300, 'a');
    for (const std::string& host : {std::string("cust001.billing.example.id:99999"), std::string("cust001.billing.example.id:8o"),
                                    std::string("cust001..billing.example.id"), std::string(".billing.example.id"),
                                    std::string("cust 001.billing.example.id"), std::string("cust001.billing.example.id/evil"),
                                    std::string("cust001@billing.example.id"), std::string("[zz::1]:80"), std::string("[::1"),
                                    huge_label + ".billing.example.id", std::string(4000, 'c') + ".billing.example.id"}) {
        BOOST_TEST_CONTEXT(host.substr(0, 60)) {
            const RawResponse refused = get_root(server, host);
            BOOST_TEST(refused.status == 400);
            BOOST_TEST(refused.body.find("\"code\":\"bad_request\"") != std::string::npos, refused.body);
            BOOST_TEST(refused.body.find(host.substr(0, 20)) == std::string::npos);  // not echoed back
        }
    }
    // A head too large for the server at all is refused before any route.
    BOOST_TEST(get_root(server, std::string(40000, 'c') + ".billing.example.id").status == 400);
    BOOST_TEST(server.snapshot() == before);
    // The server still answers normally afterwards.
    BOOST_TEST(get_root(server, "cust001.billing.example.id").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
