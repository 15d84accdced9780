// Benchmark (issue 19): the RADIUS isolation round trip on loopback. A RADIUS customer of the demo
// data is isolated and restored through services::isolate / restore (customer and log written in
// the database, Disconnect-Request signed and sent, the NAS's ACK verified), with the CoA listener of
// server/sim/radius as the NAS; the baseline in the same run is a bare UDP request and answer of the
// same size to a plain echo socket (the floor any RADIUS exchange pays).
// Budget: isolation round trip p99 <= 20 ms. Exit 1 over budget, 2 when it cannot measure.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "app/app.hpp"
#include "bench_support.hpp"
#include "cli/seed_demo.hpp"
#include "services/customer_service.hpp"
#include "services/network_service.hpp"
#include "services/radius_service.hpp"
#include "services/settings.hpp"
#include "sim/radius/coa_listener.hpp"

using namespace kimonet;

namespace {

constexpr double kBudgetMs = 20.0;

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message().c_str());
        std::exit(2);
    }
    return std::move(result).value();
}

void must(Result<void> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message().c_str());
        std::exit(2);
    }
}

// A UDP socket answering every datagram with itself, on its own thread.
struct Echo {
    int fd = -1;
    int port = 0;
    std::atomic<bool> running{true};
    std::thread thread;
    Echo() {
        fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        port = ntohs(address.sin_port);
        timeval wait{0, 100000};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
        thread = std::thread([this] {
            char buffer[4096];
            while (running) {
                sockaddr_in from{};
                socklen_t from_length = sizeof from;
                const ssize_t got = ::recvfrom(fd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &from_length);
                if (got > 0) ::sendto(fd, buffer, static_cast<std::size_t>(got), 0, reinterpret_cast<sockaddr*>(&from), from_length);
            }
        });
    }
    ~Echo() {
        running = false;
        thread.join();
        ::close(fd);
    }
};

}  // namespace

int main(int argc, char** argv) {
    int samples = 500;
    bench::parse_int_options(argc, argv, {{"--samples", &samples}});
    bench::ScratchDir scratch;
    app::Config config;
    config.db_path = scratch.file("radius.db");
    config.secret_key_file = scratch.file("radius.key");
    config.threads = 2;
    auto app = must(app::App::open(config, std::make_shared<app::SystemClock>()), "open");
    auto lease = must(app->database(), "database");
    app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
    must(cli::seed_demo(context), "seed");

    sim::CoaListener nas("bench-nas-secret");
    must(nas.start(), "coa listener");
    must(services::update_radius_nas(context, 1, api::Json{{"nas_address", "127.0.0.1"}, {"coa_port", nas.port()}, {"secret", "bench-nas-secret"}}),
         "nas");
    auto customer = must(services::update_customer(context, 2, api::Json{{"connection_method", "radius"}, {"pppoe_password", "bench-password"}}),
                         "radius customer");
    if (customer.router_id != 1) {
        std::fprintf(stderr, "customer 2 is not on router 1\n");
        return 2;
    }

    Echo echo;
    const int echo_socket = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in echo_address{};
    echo_address.sin_family = AF_INET;
    echo_address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    echo_address.sin_port = htons(static_cast<std::uint16_t>(echo.port));
    ::connect(echo_socket, reinterpret_cast<sockaddr*>(&echo_address), sizeof echo_address);
    const std::string datagram(60, 'x');  // about the size of our Disconnect-Request
    char answer[4096];

    bool failed = false;
    const auto timings = bench::time_interleaved(samples, 20, {
        [&](int) {
            const auto isolated = services::isolate(context, 2, "bench");
            const auto restored = services::restore(context, 2, "bench");
            failed = failed || !isolated || !restored || isolated->result != "applied" || restored->result != "applied";
        },
        [&](int) {
            ::send(echo_socket, datagram.data(), datagram.size(), 0);
            failed = failed || ::recv(echo_socket, answer, sizeof answer, 0) <= 0;
        },
    });
    ::close(echo_socket);
    if (failed) {
        std::fprintf(stderr, "an isolation was not applied (or the echo did not answer)\n");
        return 2;
    }
    // Each timed isolation sample is an isolate and a restore: two round trips.
    std::vector<double> round_trips;
    for (double value : timings[0]) round_trips.push_back(value / 2);
    const bench::Row row{"RADIUS isolation round trip (service + database + Disconnect-Request + ACK)", "ms", bench::percentile(round_trips, 0.99),
                         bench::percentile(round_trips, 0.50), bench::percentile(timings[1], 0.99), kBudgetMs};
    bench::print_rows("RADIUS CoA on loopback, " + std::to_string(samples) + " isolate+restore pairs; baseline: bare UDP request/answer", {row});
    std::printf("NAS received %zu requests, all signed: %s\n", nas.received().size(),
                [&] {
                    for (const auto& request : nas.received())
                        if (!request.authenticator_ok || !request.message_authenticator_ok) return "no";
                    return "yes";
                }());
    return row.pass() ? 0 : 1;
}
