#pragma once
// A simulated MikroTik router speaking the real RouterOS API on loopback, usable in-process
// by C++ tests and by `kimonet-sim routeros`. Failure switches let tests make the router
// refuse connections, answer slowly, answer !trap, or drop the connection mid-sentence.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "sim/routeros/routeros_state.hpp"
#include "sim/sim_http.hpp"

namespace kimonet::sim {

struct RouterOsSimulatorOptions {
    std::string bind = "127.0.0.1";
    int port = 0;           // 0 = ephemeral
    int tls_port = -1;      // -1 = no TLS listener, 0 = ephemeral
    std::string username = "billing";
    std::string password = "billing-demo";
    bool legacy_login = false;  // answer logins like RouterOS before 6.43 (MD5 challenge)
    int rest_port = -1;         // the www service (REST over plain HTTP, RouterOS 7.9+): -1 = off, 0 = ephemeral
    int rest_tls_port = -1;     // the www-ssl service (REST over HTTPS, self-signed certificate made at start)
    // The user's group policy, as /user/group prints it (help.mikrotik.com "User": policies).
    std::string policy = "local,telnet,ssh,ftp,reboot,read,write,policy,test,winbox,password,web,sniff,sensitive,api,romon,rest-api";
};

// How a hostile or broken web service answers REST requests (failure modes for the client's bounds).
enum class RestHostility { None, HugeBody, MalformedJson, Redirect };

class RouterOsSimulator {
public:
    explicit RouterOsSimulator(RouterOsSimulatorOptions options = {});
    ~RouterOsSimulator();
    RouterOsSimulator(const RouterOsSimulator&) = delete;
    RouterOsSimulator& operator=(const RouterOsSimulator&) = delete;

    Result<void> start();
    void stop();
    int port() const { return m_port; }
    int tls_port() const { return m_tls_port; }
    int rest_port() const { return m_www ? m_www->port() : -1; }
    int rest_tls_port() const { return m_www_ssl ? m_www_ssl->port() : -1; }

    // Runs `work` on the router state under the simulator's lock (inspect or inject drift).
    template <typename Work>
    auto with_state(Work work) {
        std::lock_guard lock(m_state_mutex);
        return work(m_state);
    }
    std::optional<Row> find(const std::string& menu, const std::string& name);
    std::vector<Row> rows(const std::string& menu);
    // Adds a connected PPP session for `name`.
    void connect_session(const std::string& name, const std::string& address);
    // A hotspot user has been used: its uptime and byte counters as RouterOS keeps them, and (when
    // `online`) a session in /ip/hotspot/active.
    void hotspot_use(const std::string& user, const std::string& uptime, std::int64_t bytes_in, std::int64_t bytes_out, bool online);

    // Failure switches.
    // Router down: closes the listeners (connects are refused) and drops every open connection.
    void set_down(bool down);
    void set_reply_delay_ms(int milliseconds) { m_delay_ms = milliseconds; }
    // The next `count` commands whose path starts with `prefix` get `!trap =message=<message>`.
    void trap_next(const std::string& prefix, const std::string& message, int count = 1);
    // The next `count` commands whose path starts with `prefix` get half a reply, then the connection closes.
    void drop_next(const std::string& prefix, int count = 1);
    void drop_connections();
    // Every new connection (API and REST) is accepted and reset at once, as RouterOS does for an
    // address outside a service's available-from list.
    void set_reset_connections(bool reset) { m_reset = reset; }
    // The user's group policy from now on (e.g. without "write", or without "api").
    void set_user_policy(const std::string& policy);
    void set_rest_hostility(RestHostility hostility) { m_hostility = hostility; }
    std::uint64_t rest_requests() const { return m_rest_requests; }

    std::uint64_t commands_handled() const { return m_commands; }
    std::uint64_t logins() const { return m_logins; }

private:
    struct Session;
    Result<int> listen_on(int port);
    void accept_loop(bool tls);
    void serve(int fd, bool tls);
    bool handle(Session& session, const Sentence& command, std::string& out);
    void reopen_listeners();
    Result<void> start_rest();
    void stop_rest();
    bool has_policy(const std::string& policy);
    bool allowed(const std::string& command_path);
    void handle_rest(const HttpRequest& request, HttpResponse& response);
    void rest_command(const Sentence& command, HttpResponse& response, bool want_rows, const std::string& item_menu);

    RouterOsSimulatorOptions m_options;
    std::mutex m_state_mutex;
    RouterState m_state;

    std::atomic<bool> m_running{false};
    std::atomic<bool> m_down{false};
    std::atomic<int> m_delay_ms{0};
    std::atomic<std::uint64_t> m_commands{0};
    std::atomic<std::uint64_t> m_logins{0};
    std::atomic<std::uint64_t> m_rest_requests{0};
    std::atomic<bool> m_reset{false};
    std::atomic<RestHostility> m_hostility{RestHostility::None};
    SSL_CTX* m_rest_tls_context = nullptr;
    std::unique_ptr<HttpServer> m_www;
    std::unique_ptr<HttpServer> m_www_ssl;
    int m_port = 0;
    int m_tls_port = -1;
    std::atomic<int> m_listen_fd{-1};
    std::atomic<int> m_tls_listen_fd{-1};
    std::thread m_accept_thread;
    std::thread m_tls_accept_thread;

    std::mutex m_connections_mutex;
    std::set<int> m_open_fds;
    std::vector<std::thread> m_connection_threads;

    std::mutex m_failures_mutex;
    struct Failure {
        std::string prefix;
        std::string message;  // empty = drop mid-sentence
        int remaining = 0;
    };
    std::vector<Failure> m_failures;
};

// The demo routers of `kimonet seed-demo`: index 0 = "Router Pusat" (even customers),
// 1 = "Router Cabang" (odd), with their PPP profiles, secrets cust001…cust050 and sessions.
void seed_demo_router(RouterOsSimulator& simulator, int router_index);

// `kimonet-sim routeros …`
int run_routeros_simulator(int argc, char** argv);

}  // namespace kimonet::sim
