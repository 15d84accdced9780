#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstdio>

#include "cli/commands.hpp"
#include "http/http_server.hpp"
#include "jobs/email_runner.hpp"
#include "jobs/network_runner.hpp"
#include "jobs/outbox_runner.hpp"
#include "jobs/router_probe_runner.hpp"
#include "jobs/scheduler.hpp"

namespace kimonet::cli {

int command_serve(const Args& args) {
    auto config = config_from(args);
    if (!config) return fail(config.error());
    // Block the stop signals in every thread before any are started, then wait for one here.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto app = app::App::open(*config, std::make_shared<app::SystemClock>());
    if (!app) return fail(app.error());
    http::HttpServer server(**app);
    if (auto started = server.start(config->bind, config->port, config->threads); !started) return fail(started.error());
    std::printf("listening on http://%s:%d/\n", config->bind.c_str(), server.port());
    std::fflush(stdout);
    // Scheduled jobs (monthly invoices, …) run inside the server; a missed slot is caught up now.
    jobs::Scheduler scheduler(**app);
    // With N servers on one PostgreSQL only the elected leader runs the jobs (jobs/leader_election.hpp).
    // KIMONET_SCHEDULER_SECONDS: how often the leader looks for due jobs (20 s; the slots are
    // minutes apart; the multi_server test makes it 1 s so a schedule change is picked up at once).
    const char* scheduler_seconds = std::getenv("KIMONET_SCHEDULER_SECONDS");
    scheduler.start(scheduler_seconds ? std::max(1, std::atoi(scheduler_seconds)) : 20);
    // The WhatsApp outbox: sends queued notifications with the configured rate limit.
    jobs::OutboxRunner outbox(**app);
    outbox.start();
    // The email outbox (issue 22): invoices with their PDF, receipts, "send this invoice".
    jobs::EmailRunner email(**app);
    email.start();
    // Router actions (restore after payment, isolations a router missed) as soon as they are due.
    jobs::NetworkRunner network(**app);
    network.start();
    // Router reachability for the public network status (landing page).
    jobs::RouterProbeRunner probe(**app);
    probe.start();

    int received = 0;
    sigwait(&signals, &received);
    std::printf("stopping (signal %d)\n", received);
    probe.stop();
    network.stop();
    email.stop();
    outbox.stop();
    scheduler.stop();
    server.stop();
    return 0;
}

}  // namespace kimonet::cli
