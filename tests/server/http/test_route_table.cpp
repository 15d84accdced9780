// The router finds a path without parameters by a hash lookup (issue 17: the public bill check is
// registered after a hundred routes). What a caller sees must not change: for every route of the
// real table, with its own method and with others, the indexed match picks the same route with the
// same parameters as a walk of the table in registration order, and says 405 for the same paths.
#include <boost/test/unit_test.hpp>

#include "http/router.hpp"
#include "support/route_path.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using http::Route;
using http::RouteMatch;

namespace {

// The table walk the index replaced: the first route in order whose pattern and method match.
RouteMatch walk(const http::Router& router, http::Request& request) {
    RouteMatch result;
    for (const Route& route : router.routes()) {
        std::map<std::string, std::string> params;
        if (!http::match_pattern(route.pattern, request.path, params)) continue;
        result.path_matched = true;
        if (route.method == request.method) {
            request.params = std::move(params);
            result.route = &route;
            return result;
        }
    }
    return result;
}

void expect_same(const http::Router& router, const std::string& method, const std::string& path) {
    http::Request indexed, walked;
    indexed.method = walked.method = method;
    indexed.path = walked.path = path;
    indexed.params = walked.params = {{"stale", "value"}};
    const RouteMatch by_index = router.match(indexed), by_walk = walk(router, walked);
    BOOST_TEST_CONTEXT(method << " " << path) {
        BOOST_TEST(by_index.route == by_walk.route);
        BOOST_TEST(by_index.path_matched == by_walk.path_matched);
        if (by_walk.route) BOOST_TEST((indexed.params == walked.params));
    }
}

Route route(std::string method, std::string pattern) {
    Route made;
    made.method = std::move(method);
    made.pattern = std::move(pattern);
    made.access = http::Access::Public;
    return made;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(route_table)

BOOST_AUTO_TEST_CASE(the_index_finds_what_the_table_walk_finds_for_every_route_of_the_server) {
    kimonet::testing::TestServer server;
    const http::Router& router = server.app().router();
    BOOST_TEST(router.routes().size() > 100u);
    for (const Route& each : router.routes()) {
        for (const std::string& value : {std::string("7"), std::string("check"), std::string("public")}) {
            const std::string path = kimonet::testing::route_path(each.pattern, value);
            for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) expect_same(router, method, path);
            expect_same(router, each.method, path + "/");
            expect_same(router, each.method, path + "/extra");
        }
    }
    expect_same(router, "GET", "/");
    expect_same(router, "GET", "/api/does-not-exist");
    expect_same(router, "POST", "/billing/check");
    expect_same(router, "GET", "/billing/check");
}

BOOST_AUTO_TEST_CASE(a_route_with_parameters_registered_first_still_wins_over_a_later_exact_one) {
    http::Router router;
    router.add(route("GET", "/items/{name}"));
    router.add(route("GET", "/items/new"));
    router.add(route("POST", "/items/new"));
    router.add(route("GET", "/items/new"));  // a duplicate: never reached, as before

    http::Request get;
    get.method = "GET";
    get.path = "/items/new";
    const RouteMatch first = router.match(get);
    BOOST_TEST(first.route == &router.routes()[0]);
    BOOST_TEST(get.params.at("name") == "new");

    http::Request post;
    post.method = "POST";
    post.path = "/items/new";
    post.params = {{"name", "stale"}};
    const RouteMatch second = router.match(post);
    BOOST_TEST(second.route == &router.routes()[2]);
    BOOST_TEST(post.params.empty());

    http::Request remove;
    remove.method = "DELETE";
    remove.path = "/items/new";
    const RouteMatch third = router.match(remove);
    BOOST_TEST(!third.route);
    BOOST_TEST(third.path_matched);  // 405, not 404

    for (const char* method : {"GET", "POST", "DELETE"})
        for (const char* path : {"/items/new", "/items/other", "/items", "/items/new/x"}) expect_same(router, method, path);
}

BOOST_AUTO_TEST_SUITE_END()
