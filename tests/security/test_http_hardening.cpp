// Item 9 of issue #14 (transport share), from the attacker's side: pipelined requests are all
// answered in order; malformed and smuggling-shaped requests are refused; a type error in a
// body is a clean 400, and no 500 carries exception or SQLite text; every response carries the
// browser defences (CSP, frame-ancestors, nosniff, Referrer-Policy) and API answers are never
// cached.
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "raw_http.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

int port_of(TestServer& server) {
    const std::string url = server.url("");
    return std::stoi(url.substr(url.rfind(':') + 1));
}

std::string get_keep_alive(const std::string& target) { return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(http_hardening)

BOOST_AUTO_TEST_CASE(pipelined_requests_in_one_write_are_all_answered_in_order) {
    TestServer server;
    RawConnection connection(port_of(server));
    const std::string login = R"({"username":"admin","password":"wrong-password"})";
    const std::string bytes = get_keep_alive("/api/health") + get_keep_alive("/api/no-such-thing") +
                              "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(login.size()) + "\r\n\r\n" + login + get_keep_alive("/api/packages/public");
    BOOST_TEST_REQUIRE(connection.send_all(bytes));
    const std::vector<int> expected = {200, 404, 401, 200};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        auto reply = connection.read_response();
        BOOST_TEST_REQUIRE(reply.has_value(), "response " << i << " missing; pending: " << connection.pending().substr(0, 200));
        BOOST_TEST(reply->status == expected[i], "response " << i);
        BOOST_TEST(reply->headers["connection"] == "keep-alive");
    }
    // The connection stays usable afterwards, byte by byte too.
    for (const char c : get_keep_alive("/api/health")) BOOST_TEST_REQUIRE(connection.send_all(std::string(1, c)));
    BOOST_TEST(connection.read_response()->status == 200);
}

BOOST_AUTO_TEST_CASE(connection_close_is_honoured_after_the_answer) {
    TestServer server;
    RawConnection connection(port_of(server));
    BOOST_TEST_REQUIRE(connection.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + get_keep_alive("/api/health")));
    auto reply = connection.read_response();
    BOOST_TEST_REQUIRE(reply.has_value());
    BOOST_TEST(reply->status == 200);
    BOOST_TEST(reply->headers["connection"] == "close");
    BOOST_TEST(connection.closed_by_server());  // and the request after it is not answered
    // HTTP/1.0 without keep-alive is answered and closed too.
    RawConnection old_client(port_of(server));
    BOOST_TEST_REQUIRE(old_client.send_all("GET /api/health HTTP/1.0\r\n\r\n"));
    BOOST_TEST(old_client.read_response()->status == 200);
    BOOST_TEST(old_client.closed_by_server());
}

BOOST_AUTO_TEST_CASE(malformed_and_smuggling_shapes_are_refused_and_closed) {
    TestServer server;
    const std::string before = server.snapshot();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"both Content-Length and chunked",
         "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"two different Content-Lengths", "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"},
        {"space before the colon", "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length : 2\r\n\r\n{}"},
        {"obsolete line folding", "GET /api/health HTTP/1.1\r\nHost: x\r\n X-Folded: y\r\n\r\n"},
        {"unknown transfer coding", "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"},
        {"negative length", "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"},
        {"huge length digits", "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"},
        {"bad chunk size", "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
        {"absolute-form target", "GET http://evil.example/api/health HTTP/1.1\r\nHost: x\r\n\r\n"},
        {"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"},
        {"lower-case method", "get /api/health HTTP/1.1\r\nHost: x\r\n\r\n"},
        {"headers over 32 KB", "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40 << 10, 'a') + "\r\n\r\n"},
    };
    for (const auto& [label, bytes] : cases) {
        BOOST_TEST_CONTEXT(label) {
            RawConnection connection(port_of(server));
            BOOST_TEST_REQUIRE(connection.send_all(bytes));
            auto reply = connection.read_response();
            BOOST_TEST_REQUIRE(reply.has_value());
            BOOST_TEST((reply->status == 400 || reply->status == 413), "status " << reply->status);
            BOOST_TEST(reply->headers["connection"] == "close");
            BOOST_TEST(reply->headers.contains("content-security-policy"));
            BOOST_TEST(connection.closed_by_server());
        }
    }
    // A chunked body within the limit is read correctly.
    auto chunked = raw_exchange(port_of(server), "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                 "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                                 "c\r\n{\"username\":\r\n24\r\n\"admin\",\"password\":\"wrong-password\"}\r\n0\r\n\r\n");
    BOOST_TEST_REQUIRE(chunked.has_value());
    BOOST_TEST(chunked->status == 401);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(type_errors_are_400_and_500s_say_nothing_inside) {
    TestServer server;
    // Routes that fail the ways handlers can: a JSON value of the wrong type read without a
    // check, an exception with internal text, and an Internal error carrying SQLite's words.
    auto add = [&](const std::string& path, http::Handler handler) {
        http::Route route{"POST", path, http::Access::Public, "", "test", std::move(handler)};
        server.app().router().add(std::move(route));
    };
    add("/api/test/type-error", [](http::Request& request) -> http::RouteResult {
        const auto body = api::parse_json(request.body);
        return http::json_ok({{"n", body.at("count").get<std::int64_t>() + 1}});
    });
    add("/api/test/throws", [](http::Request&) -> http::RouteResult {
        throw std::runtime_error("sqlite3_step: UNIQUE constraint failed: users.password_hash /var/lib/kimonet/kimonet.db");
    });
    add("/api/test/internal", [](http::Request&) -> http::RouteResult {
        return make_error(ErrorCode::Internal, "SQLITE_CORRUPT: database disk image is malformed in table customers");
    });
    for (const std::string body : {R"({"count":"seven"})", R"({"count":null})", R"({})", R"([1,2])"}) {
        auto reply = server.post("/api/test/type-error", body);
        BOOST_TEST(reply.status == 400, body);
        BOOST_TEST(reply.error_code() == "bad_request");
        BOOST_TEST(reply.body.find("json.exception") == std::string::npos, reply.body);
        BOOST_TEST(reply.body.find("type_error") == std::string::npos);
    }
    for (const std::string path : {"/api/test/throws", "/api/test/internal"}) {
        auto reply = server.post(path, "{}");
        BOOST_TEST(reply.status == 500);
        BOOST_TEST(reply.error_code() == "internal");
        for (const char* leak : {"sqlite", "SQLITE", "constraint", "users", "/var/lib", "corrupt", "customers"})
            BOOST_TEST(reply.body.find(leak) == std::string::npos, path << " leaks " << leak << ": " << reply.body);
        // The caller gets a reference to quote; the detail is in the server log under it.
        const std::string reference = reply.headers["x-error-reference"];
        BOOST_TEST(reference.size() == 16u);
        BOOST_TEST(reply.json()["error"]["message"].get<std::string>().find(reference) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(every_response_carries_the_browser_defences) {
    TestServer server;
    const std::string token = server.login("admin");
    struct Case {
        std::string label;
        HttpReply reply;
    };
    std::vector<Case> cases = {
        {"API data", server.get("/api/customers", token)},
        {"API error", server.get("/api/customers")},
        {"not found", server.get("/no/such/file")},
        {"public HTML page", server.get("/billing")},
        {"login", server.login_attempt("admin", "wrong-password")},
    };
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.label) {
            auto headers = entry.reply.headers;
            const std::string policy = headers["content-security-policy"];
            BOOST_TEST(policy.find("frame-ancestors 'none'") != std::string::npos, policy);
            BOOST_TEST(policy.find("'unsafe-eval'") == std::string::npos);
            BOOST_TEST(headers["x-frame-options"] == "DENY");
            BOOST_TEST(headers["x-content-type-options"] == "nosniff");
            BOOST_TEST(headers["referrer-policy"] == "no-referrer");
            if (entry.label != "public HTML page") BOOST_TEST(headers["cache-control"] == "no-store");
        }
    }
    BOOST_TEST(cases[0].reply.status == 200);
    // Rendered pages may use their own inline style and script, but nothing from elsewhere.
    const std::string page_policy = cases[3].reply.headers["content-security-policy"];
    BOOST_TEST(page_policy.find("default-src 'self'") != std::string::npos);
    BOOST_TEST(page_policy.find("object-src 'none'") != std::string::npos);
    // JSON can run nothing at all.
    BOOST_TEST(cases[0].reply.headers["content-security-policy"].find("default-src 'none'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
