// Issue 23, from the attacker's side: keep-alive connections are bounded. Idle keep-alive
// connections (and connections that send nothing) cannot exhaust the server: at the cap the one
// quiet the longest is closed to make room, and only when every connection is in the middle of a
// request is a new one refused, with a clean 503. An idle connection is closed after the idle
// timeout. Pipelined requests past the per-connection bounds (answers per connection, answers the
// client has not read) are answered in order up to the bound, the last saying "Connection: close",
// and the rest are not read.
//
// Each case starts a server of its own on the TestServer's app with small bounds and ONE transport
// thread, so connections are registered, read and answered in the order the test makes them.
#include <boost/test/unit_test.hpp>

#include <memory>

#include "http/connection_book.hpp"
#include "http/http_server.hpp"
#include "raw_http.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// A server on `app` with `limits` (the process-wide defaults are put back once it has started).
struct BoundedServer {
    BoundedServer(app::App& app, http::ConnectionLimits limits) : server(app) {
        http::set_connection_limits(limits);
        auto started = server.start("127.0.0.1", 0, 1);
        http::set_connection_limits({});
        BOOST_TEST_REQUIRE(started.ok());
    }
    int port() const { return server.port(); }
    http::HttpServer server;
};

std::string keep_alive_get(const std::string& target) { return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"; }

// A keep-alive GET of /api/health on `connection`, answered 200.
bool health_answered(RawConnection& connection) {
    if (!connection.send_all(keep_alive_get("/api/health"))) return false;
    auto reply = connection.read_response();
    return reply && reply->status == 200 && reply->headers["connection"] == "keep-alive";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(keep_alive_bounds)

BOOST_AUTO_TEST_CASE(idle_connections_cannot_exhaust_the_server_and_time_out_and_a_busy_one_is_refused_cleanly) {
    TestServer server(false);  // nothing seeded: health, a 404 and a refused login need no data
    http::ConnectionLimits limits;
    limits.max_connections = 3;
    BoundedServer bounded(server.app(), limits);

    // Three keep-alive clients, idle after one answer each, fill the server.
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<RawConnection>(bounded.port()));
        BOOST_TEST_REQUIRE(health_answered(*idle.back()));
    }
    // A fourth is served all the same: the connection idle the longest is closed for it.
    RawConnection fourth(bounded.port());
    BOOST_TEST_REQUIRE(health_answered(fourth));
    BOOST_TEST(idle[0]->closed_by_server());
    BOOST_TEST(health_answered(*idle[1]));

    // Connections that send nothing count, and are as quiet: three of them do not lock anyone out.
    std::vector<std::unique_ptr<RawConnection>> silent;
    for (int i = 0; i < 3; ++i) silent.push_back(std::make_unique<RawConnection>(bounded.port()));
    RawConnection after_silent(bounded.port());
    BOOST_TEST(health_answered(after_silent));
    BOOST_TEST(silent[0]->closed_by_server());

    // Three connections in the middle of a request (head read, body awaited: the server said
    // "100 Continue") are not closed for a newcomer; the newcomer gets 503 + Retry-After and a close.
    const std::string login = R"({"username":"admin","password":"wrong-password"})";
    const std::string head = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                             "Content-Length: " + std::to_string(login.size()) + "\r\n\r\n";
    std::vector<std::unique_ptr<RawConnection>> busy;
    for (int i = 0; i < 3; ++i) {
        busy.push_back(std::make_unique<RawConnection>(bounded.port()));
        BOOST_TEST_REQUIRE(busy.back()->send_all(head));
        auto proceed = busy.back()->read_response();
        BOOST_TEST_REQUIRE(proceed.has_value());
        BOOST_TEST_REQUIRE(proceed->status == 100);
    }
    // (It is answered as it connects, before it sends anything.)
    RawConnection refused(bounded.port());
    auto refusal = refused.read_response();
    BOOST_TEST_REQUIRE(refusal.has_value());
    BOOST_TEST(refusal->status == 503);
    BOOST_TEST(refusal->headers["retry-after"] == "5");
    BOOST_TEST(refusal->headers["connection"] == "close");
    BOOST_TEST(refusal->body.find("\"error\"") != std::string::npos);
    BOOST_TEST(refused.closed_by_server());
    // The busy requests are answered as if nothing happened; once one is idle a newcomer is served.
    for (auto& connection : busy) {
        BOOST_TEST_REQUIRE(connection->send_all(login));
        auto answer = connection->read_response();
        BOOST_TEST_REQUIRE(answer.has_value());
        BOOST_TEST(answer->status == 401);
    }
    RawConnection last(bounded.port());
    BOOST_TEST(health_answered(last));

    // A slowloris from one address holding every place (each connection in its request, dripping
    // its body) keeps out only itself: a newcomer from another address is served, and the hog's
    // longest-running request is the one closed for it.
    {
        std::vector<std::unique_ptr<RawConnection>> hog;
        for (int i = 0; i < 3; ++i) {
            hog.push_back(std::make_unique<RawConnection>(bounded.port(), 0, "127.0.77.1"));
            BOOST_TEST_REQUIRE(hog.back()->send_all(head));
            auto proceed = hog.back()->read_response();
            BOOST_TEST_REQUIRE(proceed.has_value());
            BOOST_TEST_REQUIRE(proceed->status == 100);
            BOOST_TEST_REQUIRE(hog.back()->send_all(login.substr(0, 1)));  // the body's first byte only
        }
        RawConnection same_address(bounded.port(), 0, "127.0.77.1");  // the hog again: refused, as before
        auto refused_again = same_address.read_response();
        BOOST_TEST_REQUIRE(refused_again.has_value());
        BOOST_TEST(refused_again->status == 503);
        RawConnection neighbour(bounded.port(), 0, "127.0.78.1");
        BOOST_TEST(health_answered(neighbour));
        BOOST_TEST(hog[0]->closed_by_server());
        // The others are still in their requests: finishing one is answered.
        BOOST_TEST_REQUIRE(hog[2]->send_all(login.substr(1)));
        auto finished = hog[2]->read_response();
        BOOST_TEST_REQUIRE(finished.has_value());
        BOOST_TEST(finished->status == 401);
    }

    // An idle keep-alive connection is closed after the idle timeout (here 1 s), not before.
    limits.idle_timeout = std::chrono::seconds(1);
    BoundedServer quick(server.app(), limits);
    RawConnection idle_one(quick.port());
    BOOST_TEST_REQUIRE(health_answered(idle_one));
    const auto idle_from = std::chrono::steady_clock::now();
    BOOST_TEST(idle_one.closed_by_server(std::chrono::seconds(5)), "pending: " << idle_one.pending().substr(0, 200));
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - idle_from);
    BOOST_TEST(waited.count() >= 900);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_past_the_bounds_are_answered_in_order_then_closed) {
    TestServer server(false);  // nothing seeded: health, a 404 and a refused login need no data
    http::ConnectionLimits limits;
    limits.max_requests = 3;
    limits.max_unsent_answers = 4;
    BoundedServer bounded(server.app(), limits);

    // Five pipelined requests, three answers per connection: 200, 404, 200 (the last says close).
    RawConnection connection(bounded.port());
    std::string five;
    for (const char* target : {"/api/health", "/api/no-such-thing", "/api/health", "/api/no-such-thing", "/api/health"}) five += keep_alive_get(target);
    BOOST_TEST_REQUIRE(connection.send_all(five));
    const std::vector<std::pair<int, std::string>> expected = {{200, "keep-alive"}, {404, "keep-alive"}, {200, "close"}};
    for (const auto& [status, connection_header] : expected) {
        auto reply = connection.read_response();
        BOOST_TEST_REQUIRE(reply.has_value());
        BOOST_TEST(reply->status == status);
        BOOST_TEST(reply->headers["connection"] == connection_header);
    }
    BOOST_TEST(connection.closed_by_server());

    // A client that pipelines 16,000 requests (about 11 MB of answers) and reads nothing (a 4 KB
    // receive buffer): once the sockets' buffers are full the answers the server could not send
    // pile up to four, the last of them says close, and the rest of the requests are not read.
    // A probe on another connection is answered by the same (single) transport thread only after
    // it has read the whole pipeline. Then everything answered is read: in order, 200.
    limits.max_requests = 100'000;
    BoundedServer unread(server.app(), limits);
    RawConnection slow_reader(unread.port(), 4096);
    std::string many;
    for (int i = 0; i < 16'000; ++i) many += keep_alive_get("/api/health");
    BOOST_TEST_REQUIRE(slow_reader.send_all(many));
    RawConnection probe(unread.port());
    BOOST_TEST_REQUIRE(health_answered(probe));
    std::size_t answered = 0;
    std::string last_connection_header;
    while (auto reply = slow_reader.read_response()) {
        BOOST_TEST_REQUIRE(reply->status == 200);
        last_connection_header = reply->headers["connection"];
        ++answered;
    }
    BOOST_TEST(answered > 0u);
    BOOST_TEST(answered < 16'000u);
    BOOST_TEST(last_connection_header == "close");
    BOOST_TEST(slow_reader.closed_by_server());
}

BOOST_AUTO_TEST_SUITE_END()
