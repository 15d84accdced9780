// Every route an anonymous request reaches (Access::Public in the router's own table, so a new
// public route is covered the day it is added), with the shapes of input an outsider sends first:
// bytes that are no UTF-8 (PostgreSQL refuses them in a query), a surrogate, a NUL, broken
// percent-encoding, 8 KB values, a path climb, repeated and unknown query parameters, and bodies
// that are malformed JSON, invalid UTF-8, deep nesting, numbers past int64, or a form of the same.
// No answer is a 5xx (a 500 logs a line to stderr each time; on PostgreSQL an aborted statement
// is worse), and nothing is written but the rejected gateway callbacks the callbacks document.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "support/route_path.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

const std::vector<std::string> kHostileValues = {"%FF%FE", "%ED%A0%80", "%C0%AF", "a%00b", "%zz%4", std::string(8000, 'A'),
                                                 "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "-1", "99999999999999999999999"};

std::string query_of(const std::string& value) {
    std::string query = "?";
    for (const char* name : {"u", "nomor_layanan", "nomor", "order_id", "merchantOrderId", "gateway", "invoice", "page", "per_page", "status"})
        query += std::string(name) + "=" + value + "&" + name + "=CUST001&";
    return query + value + "=" + value;
}

struct Body {
    std::string content_type, text;
};

std::vector<Body> bodies_of(const std::string& value) {
    const std::string raw_bad = "\xff\xfe\xed\xa0\x80";
    return {
        {"application/json", "{\"customer_number\":\"" + raw_bad + "\",\"nomor_layanan\":\"" + raw_bad + "\",\"invoice_id\":\"" + raw_bad + "\"}"},
        {"application/json", R"({"invoice_id":1e999,"gateway":"flip","method":"bni_va","customer_number":"\ud800","phone":"\u0000"})"},
        {"application/json", R"({"invoice_id":-9223372036854775808,"name":"x","phone":"081234567890","address":"x","package_id":99999999999999999999})"},
        {"application/json", std::string(1900, '[') + std::string(1900, ']')},
        {"application/json", "{\"a\":" + std::string(400, '{') + "}"},
        {"application/x-www-form-urlencoded", "token=" + value + "&invoice_id=" + value + "&choice=" + value + "&nomor_layanan=" + value +
                                                  "&order_id=" + value + "&merchantOrderId=" + value + "&signature=" + value},
        {"text/plain", raw_bad},
    };
}

// The snapshot without the tables the callbacks write on purpose (stored rejections, bounded per
// source and per minute: docs/SECURITY.md, payment gateway callbacks).
std::string written(TestServer& server) {
    std::string kept;
    std::istringstream lines(server.snapshot());
    for (std::string line; std::getline(lines, line);)
        if (!line.starts_with("gateway_callbacks:") && !line.starts_with("activity_log:")) kept += line + "\n";
    return kept;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(public_hostile_inputs)

BOOST_AUTO_TEST_CASE(no_public_route_answers_hostile_input_with_a_5xx_or_writes_anything) {
    TestServer server;
    const std::string before = written(server);
    int sent = 0, source = 0;
    std::vector<std::string> public_routes;
    for (const auto& route : server.app().router().routes()) {
        if (route.access != http::Access::Public) continue;
        public_routes.push_back(route.method + " " + route.pattern);
        for (const std::string& value : kHostileValues) {
            const std::string path = kimonet::testing::route_path(route.pattern, value);
            std::vector<std::pair<std::string, Body>> requests = {{path + query_of(value), Body{}}};
            if (route.method == "POST" || route.method == "PUT")
                for (const Body& body : bodies_of(value)) requests.push_back({path, body});
            for (const auto& [target, body] : requests) {
                // A source per request: a per-source limit's 429 must not hide what comes after it.
                const std::string from = "127.0." + std::to_string(60 + source / 250) + "." + std::to_string(1 + source % 250);
                ++source;
                std::map<std::string, std::string> headers;
                if (!body.content_type.empty()) headers["Content-Type"] = body.content_type;
                const auto reply = http_request(route.method, server.url(target), body.text, headers, from);
                ++sent;
                BOOST_TEST(reply.status != 0, route.method << " " << target.substr(0, 120));
                BOOST_TEST(reply.status < 500, route.method << " " << target.substr(0, 120) << " [" << body.content_type << " "
                                                            << body.text.substr(0, 60) << "]: " << reply.status << " " << reply.body.substr(0, 200));
            }
        }
    }
    BOOST_TEST_MESSAGE(sent << " hostile requests to " << public_routes.size() << " public routes");
    BOOST_TEST(public_routes.size() >= 20u);
    BOOST_TEST(written(server) == before);
}

BOOST_AUTO_TEST_SUITE_END()
