// GET /api/openapi.json documents every route of the router table with its access rule.
#include <boost/test/unit_test.hpp>

#include "core/text.hpp"
#include "rbac/permissions.hpp"
#include "support/route_permissions.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using kimonet::testing::TestServer;

BOOST_AUTO_TEST_SUITE(openapi)

BOOST_AUTO_TEST_CASE(lists_every_route_in_the_router_table) {
    TestServer server;
    auto reply = server.get("/api/openapi.json");
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.headers.at("content-type").starts_with("application/json"));
    const auto document = reply.json();
    BOOST_TEST_REQUIRE(document.is_object());
    BOOST_TEST(document["openapi"].get<std::string>().starts_with("3."));
    const auto& paths = document["paths"];

    std::size_t operations = 0;
    for (const auto& [path, methods] : paths.items()) operations += methods.size();
    const auto& routes = server.app().router().routes();
    BOOST_TEST(operations == routes.size());

    for (const auto& route : routes) {
        const std::string method = to_lower_ascii(route.method);
        const std::string label = route.method + " " + route.pattern;
        BOOST_TEST_REQUIRE(paths.contains(route.pattern), label);
        BOOST_TEST_REQUIRE(paths[route.pattern].contains(method), label);
        const auto& operation = paths[route.pattern][method];
        BOOST_TEST(!operation["summary"].get<std::string>().empty(), label);
        BOOST_TEST(operation.contains("security") == (route.access != http::Access::Public), label);
        if (route.access == http::Access::Permission) BOOST_TEST(operation["x-permission"] == route.permission, label);
        if (route.pattern.find('{') != std::string::npos) BOOST_TEST(operation.contains("parameters"), label);
    }
}

BOOST_AUTO_TEST_CASE(routes_are_unique_and_permissions_known) {
    TestServer server(false);
    std::set<std::string> seen;
    for (const auto& route : server.app().router().routes()) {
        const std::string label = route.method + " " + route.pattern;
        BOOST_TEST(seen.insert(label).second, "duplicate route " << label);
        if (route.access == http::Access::Permission) BOOST_TEST(rbac::is_known_permission(route.permission), label);
    }
}

// The views tests' table of what each route the app calls needs (tests/views/test_role_walk.cpp
// fails a button that leads to a 403 by it): every row is a route of the router, with its permission.
BOOST_AUTO_TEST_CASE(the_views_tests_route_permissions_match_the_router) {
    TestServer server(false);
    for (const auto& row : testing::kRoutePermissions) {
        const std::string label = std::string(row.method) + " " + std::string(row.pattern);
        const http::Route* found = nullptr;
        for (const auto& route : server.app().router().routes())
            if (route.method == row.method && route.pattern == row.pattern) found = &route;
        BOOST_TEST_REQUIRE(found != nullptr, label << " is not a route");
        if (row.permission.empty()) BOOST_TEST((found->access != http::Access::Permission), label << " needs " << found->permission);
        else BOOST_TEST((found->access == http::Access::Permission && found->permission == row.permission), label);
    }
    BOOST_TEST(testing::route_permission("GET", "/api/customers/42/history?x=1").value_or("") == "invoices.read");
    BOOST_TEST(testing::route_permission("POST", "/api/payments/4/void").value_or("") == "payments.void");
    BOOST_TEST(!testing::route_permission("POST", "/api/payments/4").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
