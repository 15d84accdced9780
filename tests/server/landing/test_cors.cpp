// CORS for a landing page on its own domain: only origins on cors_allowed_origins get a preflight
// answer and Access-Control-Allow-Origin; other origins get no CORS headers (the browser refuses).
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using kimonet::testing::HttpReply;
using kimonet::testing::TestServer;
using kimonet::testing::http_request;

namespace {

constexpr const char* kAllowed = "https://www.kimonet.id";

struct CorsSession {
    TestServer server;
    CorsSession() {
        auto reply = server.put("/api/settings", api::Json{{"cors_allowed_origins", std::string(kAllowed) + ", http://localhost:8080/"}}.dump(),
                                server.login("admin"));
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    }
    HttpReply preflight(const std::string& path, const std::string& origin) {
        return http_request("OPTIONS", server.url(path), "",
                            {{"Origin", origin}, {"Access-Control-Request-Method", "POST"}, {"Access-Control-Request-Headers", "content-type"}});
    }
    HttpReply get_from(const std::string& path, const std::string& origin) { return http_request("GET", server.url(path), "", {{"Origin", origin}}); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cors, CorsSession)

BOOST_AUTO_TEST_CASE(an_allowlisted_origin_gets_the_preflight_and_the_allow_origin_header) {
    for (const char* path : {"/api/register", "/billing/check", "/api/packages/public", "/api/network-status"}) {
        auto reply = preflight(path, kAllowed);
        BOOST_TEST(reply.status == 204, path);
        BOOST_TEST(reply.headers["access-control-allow-origin"] == kAllowed, path);
        BOOST_TEST(reply.headers["access-control-allow-methods"].find("POST") != std::string::npos, path);
        BOOST_TEST(reply.headers["access-control-allow-headers"] == "Content-Type", path);
    }
    auto packages = get_from("/api/packages/public", kAllowed);
    BOOST_TEST(packages.status == 200);
    BOOST_TEST(packages.headers["access-control-allow-origin"] == kAllowed);
    BOOST_TEST(packages.headers["vary"] == "Origin");
    // The trailing slash in the setting does not matter; the origin must match exactly otherwise.
    BOOST_TEST(get_from("/api/network-status", "http://localhost:8080").headers["access-control-allow-origin"] == "http://localhost:8080");
    auto check = http_request("POST", server.url("/billing/check"), R"({"customer_number":"CUST001"})",
                              {{"Origin", kAllowed}, {"Content-Type", "application/json"}});
    BOOST_TEST(check.status == 200);
    BOOST_TEST(check.headers["access-control-allow-origin"] == kAllowed);
}

BOOST_AUTO_TEST_CASE(other_origins_get_no_cors_headers) {
    for (const char* origin : {"https://evil.example", "https://www.kimonet.id.evil.example", "http://www.kimonet.id", "null"}) {
        auto refused = preflight("/api/register", origin);
        BOOST_TEST(refused.status == 403, origin);
        BOOST_TEST(!refused.headers.contains("access-control-allow-origin"), origin);
        auto reply = get_from("/api/packages/public", origin);
        BOOST_TEST(reply.status == 200, origin);  // a server cannot stop the request, only the browser's reading of it
        BOOST_TEST(!reply.headers.contains("access-control-allow-origin"), origin);
    }
    // Staff routes never carry CORS headers, even for an allowed origin.
    auto staff = get_from("/api/customers", kAllowed);
    BOOST_TEST(staff.status == 401);
    BOOST_TEST(!staff.headers.contains("access-control-allow-origin"));
    BOOST_TEST(preflight("/api/customers", kAllowed).status == 405);
}

BOOST_AUTO_TEST_CASE(the_setting_rejects_entries_that_are_not_origins) {
    const std::string token = server.login("admin");
    const std::string before = server.snapshot();
    for (const char* value : {"kimonet.id", "https://kimonet.id/landing", "ftp://kimonet.id", "https://kimonet.id:99999"}) {
        auto reply = server.put("/api/settings", api::Json{{"cors_allowed_origins", value}}.dump(), token);
        BOOST_TEST(reply.status == 422, value);
        BOOST_TEST(reply.json()["error"]["fields"].contains("cors_allowed_origins"), value);
    }
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
