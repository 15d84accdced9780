#pragma once
// One FreeRADIUS for the whole `radius` suite (started once, stopped at exit): the configuration
// `kimonet radius config` writes (services::freeradius_config_text), in a temporary raddb
// directory, on free loopback ports, run as the current user with `freeradius -f`; its rlm_rest
// calls a TestServer whose router 1 is the NAS, with the CoA listener of server/sim/ as that NAS's
// Dynamic Authorization port. `radclient` (freeradius-utils) plays the NAS towards FreeRADIUS.
// The demo routers' API ports are closed, so PPPoE customers' isolations go pending at once
// (this suite is about RADIUS customers).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include "services/network_service.hpp"
#include "services/radius_service.hpp"
#include "services/settings.hpp"
#include "sim/radius/coa_listener.hpp"
#include "support/closed_port.hpp"
#include "support/test_server_support.hpp"

namespace kimonet::testing {

inline constexpr const char* kNasSecret = "nas-secret-1";

// A UDP port on 127.0.0.1 that was free a moment ago.
inline int free_udp_port() {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// Sends `bytes` to 127.0.0.1:`port` and waits up to `wait` for one datagram back ("" when none).
inline std::string udp_exchange(int port, const std::string& bytes, std::chrono::milliseconds wait) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    ::sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
    std::string answer;
    pollfd watch{fd, POLLIN, 0};
    if (::poll(&watch, 1, static_cast<int>(wait.count())) > 0) {
        char buffer[8192];
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got > 0) answer.assign(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return answer;
}

struct RadclientReply {
    std::string code;  // "Access-Accept", "Access-Reject", "Accounting-Response", "CoA-ACK", "" = no answer
    std::map<std::string, std::string> attributes;
    std::string output;
};

// Runs radclient (one try, `timeout` seconds) with `attributes` ("Name = value" lines).
inline RadclientReply radclient(const TempDir& dir, int port, const std::string& kind, const std::string& secret, const std::string& attributes,
                                int timeout = 2) {
    static int counter = 0;
    const std::string input = dir.file("radclient-" + std::to_string(++counter) + ".txt");
    std::ofstream(input) << attributes;
    const std::string command = "radclient -x -t " + std::to_string(timeout) + " -r 1 -f " + input + " 127.0.0.1:" + std::to_string(port) + " " +
                                kind + " " + secret + " 2>&1";
    RadclientReply reply;
    FILE* pipe = ::popen(command.c_str(), "r");
    char line[4096];
    bool received = false;
    while (pipe && std::fgets(line, sizeof line, pipe)) {
        std::string text(line);
        reply.output += text;
        if (text.rfind("Received ", 0) == 0) {
            received = true;
            reply.code = text.substr(9, text.find(" Id ") - 9);
            continue;
        }
        const auto equals = text.find(" = ");
        if (!received || text.empty() || text[0] != '\t' || equals == std::string::npos) continue;
        std::string value = text.substr(equals + 3);
        while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        reply.attributes[text.substr(1, equals - 1)] = value;
    }
    if (pipe) ::pclose(pipe);
    return reply;
}

class FreeradiusProcess {
public:
    // Starts `freeradius -f -d dir` and waits (bounded) for "Ready to process requests".
    bool start(const std::string& dir, std::string& log) {
        int out[2];
        if (::pipe(out) != 0) return false;
        const std::string program = "/usr/sbin/freeradius";
        std::vector<std::string> words{program, "-f", "-d", dir, "-n", "radiusd"};
        std::vector<char*> argv;
        for (auto& word : words) argv.push_back(word.data());
        argv.push_back(nullptr);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            ::dup2(out[1], 1);
            ::dup2(out[1], 2);
            ::close(out[0]);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        m_out = out[0];
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        char buffer[4096];
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd watch{m_out, POLLIN, 0};
            if (::poll(&watch, 1, 200) <= 0) continue;
            const ssize_t got = ::read(m_out, buffer, sizeof buffer);
            if (got <= 0) return false;
            log.append(buffer, static_cast<std::size_t>(got));
            if (log.find("Ready to process requests") != std::string::npos) {
                // Keep reading so a chatty log never fills the pipe and stalls FreeRADIUS.
                m_drain = std::thread([fd = m_out] {
                    char sink[4096];
                    while (::read(fd, sink, sizeof sink) > 0) {
                    }
                });
                return true;
            }
        }
        return false;
    }
    ~FreeradiusProcess() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_drain.joinable()) m_drain.join();
        if (m_out >= 0) ::close(m_out);
    }

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::thread m_drain;
};

struct RadiusWorld {
    RadiusWorld() {
        BOOST_TEST_REQUIRE(coa.start().ok());
        const std::string superadmin = server.login("superadmin");
        for (int router = 1; router <= 2; ++router) {
            auto pointed = server.put("/api/routers/" + std::to_string(router), api::Json{{"port", closed_port()}, {"password", "billing-demo"}}.dump(), superadmin);
            BOOST_TEST_REQUIRE(pointed.status == 200, pointed.body);
        }
        auto nas = server.put("/api/routers/1/radius", api::Json{{"nas_address", "127.0.0.1"}, {"coa_port", coa.port()}, {"secret", kNasSecret}}.dump(),
                              superadmin);
        BOOST_TEST_REQUIRE(nas.status == 200, nas.body);
        auth_port = free_udp_port();
        acct_port = free_udp_port();
        {
            auto lease = server.app().database();
            app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
            BOOST_TEST_REQUIRE(services::update_settings(context, {{"radius_coa_timeout_ms", "100"}}).ok());
            radius::FreeradiusConfig config;
            config.raddb_dir = dir.path().string();
            config.run_dir = dir.file("run");
            config.kimonet_url = server.url("");
            config.listen_address = "127.0.0.1";
            config.auth_port = auth_port;
            config.acct_port = acct_port;
            auto text = services::freeradius_config_text(context, config, false);
            BOOST_TEST_REQUIRE(text.ok());
            std::filesystem::create_directories(config.run_dir);
            std::ofstream(dir.file("radiusd.conf")) << *text;
            api_secret = services::get_secret_setting(context.db, context.secrets, "radius_api_secret").value();
        }
        std::string log;
        const bool started = freeradius.start(dir.path().string(), log);
        BOOST_TEST_REQUIRE(started, log);
    }

    // A demo customer on router 1 made a RADIUS customer with this password.
    void make_radius_customer(int customer, const std::string& password) {
        auto changed = server.put("/api/customers/" + std::to_string(customer),
                                  api::Json{{"connection_method", "radius"}, {"pppoe_password", password}}.dump(), server.login("admin"));
        BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    }
    std::string username(int customer) { return server.scalar("SELECT pppoe_username FROM customers WHERE id = " + std::to_string(customer)); }
    RadclientReply access_request(int customer, const std::string& password, const std::string& secret = kNasSecret) {
        return radclient(dir, auth_port, "auth", secret,
                         "User-Name = \"" + username(customer) + "\"\nUser-Password = \"" + password + "\"\nMessage-Authenticator = 0x00\n");
    }
    RadclientReply accounting(const std::string& attributes) { return radclient(dir, acct_port, "acct", kNasSecret, attributes); }
    Result<services::PendingRun> process_pending() {
        auto lease = server.app().database();
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        return services::process_pending_network_actions(context);
    }

    TempDir dir;
    TestServer server;
    sim::CoaListener coa{kNasSecret};
    int auth_port = 0, acct_port = 0;
    std::string api_secret;
    FreeradiusProcess freeradius;
};

// Started on first use, stopped at exit: one FreeRADIUS per test process.
inline RadiusWorld& radius_world() {
    static RadiusWorld world;
    return world;
}

}  // namespace kimonet::testing
