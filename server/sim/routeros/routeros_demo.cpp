// `kimonet-sim routeros`: one or two simulated routers for `make run`, the demo and the
// npm interop test, seeded like `kimonet seed-demo` seeds the database.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <unistd.h>

#include "sim/routeros/routeros_simulator.hpp"

namespace kimonet::sim {

void seed_demo_router(RouterOsSimulator& simulator, int router_index) {
    // Mirrors cli/seed_demo.cpp: packages 10M/20M/30M/BISNIS-50M and customer i on router i % 2.
    static const char* kProfiles[] = {"10M", "20M", "30M", "BISNIS-50M"};
    static const char* kRateLimits[] = {"10M/5M", "20M/10M", "30M/15M", "50M/50M"};
    simulator.with_state([&](RouterState& state) {
        Menu& profiles = *state.menu("/ppp/profile");
        for (int index = 0; index < 4; ++index)
            if (!profiles.find_name(kProfiles[index]))
                profiles.add({{"name", kProfiles[index]}, {"rate-limit", kRateLimits[index]}, {"only-one", "yes"}});
        Menu& secrets = *state.menu("/ppp/secret");
        for (int customer = 1; customer <= 50; ++customer) {
            if (customer % 2 != router_index % 2) continue;
            char name[16];
            std::snprintf(name, sizeof name, "cust%03d", customer);
            const int package = customer % 4 == 3 && customer % 8 != 7 ? 3 : customer % 3;
            if (secrets.find_name(name)) continue;
            secrets.add({{"name", name}, {"password", "ppp-" + std::string(name)}, {"service", "pppoe"}, {"profile", kProfiles[package]},
                         {"disabled", "false"}, {"comment", "demo"}});
        }
        return 0;
    });
    for (int customer = 1; customer <= 50; ++customer) {
        if (customer % 2 != router_index % 2 || customer % 3 == 0) continue;
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", customer);
        simulator.connect_session(name, "10.10." + std::to_string(router_index + 1) + "." + std::to_string(10 + customer));
    }
}

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

int usage() {
    std::fprintf(stderr,
                 "usage: kimonet-sim routeros --port N [--port2 M] [--tls-port T] [--user billing] [--password billing-demo]\n"
                 "                            [--rest-port W] [--rest-tls-port S] [--legacy-login] [--seed-demo]\n"
                 "  --port 0 picks a free port; each router prints 'listening on <port>' when ready.\n");
    return 2;
}

}  // namespace

int run_routeros_simulator(int argc, char** argv) {
    RouterOsSimulatorOptions first, second;
    bool two = false, seed = false;
    for (int index = 2; index < argc; ++index) {
        const std::string arg = argv[index];
        const auto value = [&]() -> std::string { return index + 1 < argc ? argv[++index] : ""; };
        if (arg == "--port") first.port = std::atoi(value().c_str());
        else if (arg == "--port2") { second.port = std::atoi(value().c_str()); two = true; }
        else if (arg == "--tls-port") first.tls_port = std::atoi(value().c_str());
        else if (arg == "--rest-port") first.rest_port = std::atoi(value().c_str());
        else if (arg == "--rest-tls-port") first.rest_tls_port = std::atoi(value().c_str());
        else if (arg == "--user") first.username = second.username = value();
        else if (arg == "--password") first.password = second.password = value();
        else if (arg == "--legacy-login") first.legacy_login = second.legacy_login = true;
        else if (arg == "--seed-demo") seed = true;
        else if (arg == "--help") return usage() - 2;
        else {
            std::fprintf(stderr, "unknown option %s\n", arg.c_str());
            return usage();
        }
    }
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::signal(SIGPIPE, SIG_IGN);
    RouterOsSimulator router(first);
    std::unique_ptr<RouterOsSimulator> router2;
    if (auto started = router.start(); !started) {
        std::fprintf(stderr, "routeros: %s\n", started.error().message().c_str());
        return 1;
    }
    if (seed) seed_demo_router(router, 0);
    std::printf("routeros: listening on %d\n", router.port());
    if (router.tls_port() > 0) std::printf("routeros: tls listening on %d\n", router.tls_port());
    if (router.rest_port() > 0) std::printf("routeros: rest (www) listening on %d\n", router.rest_port());
    if (router.rest_tls_port() > 0) std::printf("routeros: rest (www-ssl) listening on %d\n", router.rest_tls_port());
    if (two) {
        router2 = std::make_unique<RouterOsSimulator>(second);
        if (auto started = router2->start(); !started) {
            std::fprintf(stderr, "routeros: %s\n", started.error().message().c_str());
            return 1;
        }
        if (seed) seed_demo_router(*router2, 1);
        std::printf("routeros: listening on %d\n", router2->port());
    }
    std::fflush(stdout);
    while (!g_stop) ::usleep(100 * 1000);
    router.stop();
    if (router2) router2->stop();
    return 0;
}

}  // namespace kimonet::sim
