// Issue #14 item 4: `/isolir` without ?u= used to log into every router on the HTTP worker, so
// 32 anonymous requests with unresponsive routers held /api/health and logins for ~50 s. Now the
// page reads the active-session table the router probe refreshes in the background; no request
// waits on a router.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <latch>
#include <thread>
#include <vector>

#include "customers/name_mask.hpp"
#include "server/network/network_fixture.hpp"
#include "services/active_sessions.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// A "router" that completes the TCP handshake (the kernel does, into the backlog) and never
// says a word: the worst case for a client that waits for a reply.
class SilentListener {
public:
    SilentListener() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        BOOST_TEST_REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        BOOST_TEST_REQUIRE(::listen(m_fd, 512) == 0);
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    ~SilentListener() { ::close(m_fd); }
    int port() const { return m_port; }
    // True when some client has connected (a connection waits in the backlog).
    bool was_contacted() const {
        pollfd poll_fd{m_fd, POLLIN, 0};
        return ::poll(&poll_fd, 1, 0) > 0;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void execute(TestServer& server, const std::string& sql) {
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    auto done = (*lease)->execute(sql);
    BOOST_TEST_REQUIRE(done.ok(), (done ? "" : done.error().message()));
}

void refresh_sessions(TestServer& server) {
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "router-probe", ""});
    auto refreshed = services::refresh_active_sessions(context, services::active_sessions(server.app()));
    BOOST_TEST_REQUIRE(refreshed.ok(), (refreshed ? "" : refreshed.error().message()));
}

constexpr double kPromptSeconds = 2.0;

}  // namespace

BOOST_AUTO_TEST_SUITE(isolir_stall)

BOOST_AUTO_TEST_CASE(anonymous_isolir_requests_never_wait_on_a_router) {
    TestServer server;
    SilentListener silent;
    execute(server, "UPDATE routers SET host = '127.0.0.1', port = " + std::to_string(silent.port()));

    constexpr int kFlood = 40;
    std::vector<HttpReply> replies(kFlood);
    std::vector<double> durations(kFlood);
    std::latch started(kFlood);
    std::vector<std::thread> flood;
    for (int index = 0; index < kFlood; ++index) {
        flood.emplace_back([&, index] {
            started.count_down();
            const auto begin = std::chrono::steady_clock::now();
            // Several sources, as a crowd of isolated customers (or one attacker with many addresses).
            replies[index] = http_request("GET", server.url("/isolir"), {}, {}, "127.0.9." + std::to_string(1 + index % 8));
            durations[index] = seconds_since(begin);
        });
    }
    started.wait();
    auto begin = std::chrono::steady_clock::now();
    const auto health = server.get("/api/health");
    const double health_seconds = seconds_since(begin);
    begin = std::chrono::steady_clock::now();
    const auto login = server.login_attempt("admin", "demo12345", "127.0.8.1");
    const double login_seconds = seconds_since(begin);
    for (auto& thread : flood) thread.join();

    BOOST_TEST_MESSAGE("health " << health_seconds << " s, login " << login_seconds << " s during " << kFlood << " /isolir");
    BOOST_TEST(health.status == 200);
    BOOST_TEST(health_seconds < kPromptSeconds);
    BOOST_TEST(login.status == 200, login.body);
    BOOST_TEST(login_seconds < kPromptSeconds);
    double slowest = 0;
    for (int index = 0; index < kFlood; ++index) {
        BOOST_TEST(replies[index].status == 200);
        BOOST_TEST(replies[index].body.find("tidak dapat mengenali") != std::string::npos);
        slowest = std::max(slowest, durations[index]);
    }
    BOOST_TEST_MESSAGE("slowest /isolir " << slowest << " s");
    BOOST_TEST(slowest < kPromptSeconds);
    BOOST_TEST(!silent.was_contacted());  // no request path opened a connection to a router
}

BOOST_AUTO_TEST_CASE(the_page_names_a_visitor_the_background_refresh_saw_and_nobody_else) {
    NetworkFixture fixture;
    TestServer& server = fixture.server;
    const std::string name = server.scalar("SELECT name FROM customers WHERE id = 2");
    const std::string number = server.scalar("SELECT service_number FROM customers WHERE id = 2");
    fixture.routers[0]->connect_session("cust002", "127.0.3.7");

    // Not refreshed yet: the request does not go and ask the router.
    const auto commands_before = fixture.routers[0]->commands_handled();
    auto before = http_request("GET", server.url("/isolir"), {}, {}, "127.0.3.7");
    BOOST_TEST(before.status == 200);
    BOOST_TEST(before.body.find("tidak dapat mengenali") != std::string::npos);
    BOOST_TEST(fixture.routers[0]->commands_handled() == commands_before);

    refresh_sessions(server);
    auto visitor = http_request("GET", server.url("/isolir"), {}, {}, "127.0.3.7");
    BOOST_TEST_REQUIRE(visitor.status == 200);
    BOOST_TEST(visitor.body.find(customers::mask_name(name)) != std::string::npos, visitor.body);
    BOOST_TEST(visitor.body.find(number) != std::string::npos);
    BOOST_TEST(visitor.body.find(name) == std::string::npos);  // masked, even for the right address
    auto stranger = http_request("GET", server.url("/isolir"), {}, {}, "127.0.3.8");
    BOOST_TEST(stranger.body.find("tidak dapat mengenali") != std::string::npos);

    // The router goes silent: its last report stands for a while, then is no longer trusted.
    fixture.routers[0]->set_down(true);
    refresh_sessions(server);
    BOOST_TEST(http_request("GET", server.url("/isolir"), {}, {}, "127.0.3.7").body.find(number) != std::string::npos);
    server.clock().advance(services::ActiveSessionTable::kMaxAge + 1);
    BOOST_TEST(http_request("GET", server.url("/isolir"), {}, {}, "127.0.3.7").body.find("tidak dapat mengenali") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_table_is_bounded_and_a_new_report_replaces_the_old) {
    services::ActiveSessionTable table;
    table.replace_router(1, {{"*1", "alice", "10.0.0.1", "1m"}, {"*2", "bob", "10.0.0.2", "1m"}}, 1000);
    BOOST_TEST(table.user_at("10.0.0.1", 1000).value_or("") == "alice");
    table.replace_router(1, {{"*3", "bob", "10.0.0.1", "1s"}}, 1010);  // alice left, bob reconnected with her address
    BOOST_TEST(table.user_at("10.0.0.1", 1010).value_or("") == "bob");
    BOOST_TEST(!table.user_at("10.0.0.2", 1010).has_value());
    std::vector<network::ActiveSession> many;
    for (std::size_t index = 0; index < services::ActiveSessionTable::kMaxEntries + 100; ++index)
        many.push_back({"*", "user" + std::to_string(index), "10." + std::to_string(index >> 16) + "." + std::to_string((index >> 8) & 255) + "." +
                                                                  std::to_string(index & 255), ""});
    table.replace_router(2, many, 1020);
    BOOST_TEST(table.size() <= services::ActiveSessionTable::kMaxEntries);
}

BOOST_AUTO_TEST_CASE(isolir_is_rate_limited_per_source_with_retry_after) {
    TestServer server;
    const int allowance = 4 * std::stoi(server.scalar("SELECT COALESCE((SELECT value FROM settings WHERE key = 'billing_check_rate_per_minute'), '30')"));
    int accepted = 0;
    HttpReply refused;
    for (int attempt = 0; attempt < allowance + 5; ++attempt) {
        auto reply = http_request("GET", server.url("/isolir?u=cust001"), {}, {}, "127.0.4.1");
        if (reply.status == 200) ++accepted;
        else refused = reply;
    }
    BOOST_TEST(accepted == allowance);
    BOOST_TEST(refused.status == 429);
    BOOST_TEST(std::stoi(refused.headers["retry-after"]) >= 1);
    BOOST_TEST(http_request("GET", server.url("/isolir?u=cust001"), {}, {}, "127.0.4.2").status == 200);  // others unaffected
}

BOOST_AUTO_TEST_SUITE_END()
