// `kimonet-sim smtp`: the mail submission server simulator as a standalone process.
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "sim/sim_args.hpp"
#include "sim/smtp/smtp_simulator.hpp"

namespace kimonet::sim {

int run_smtp_simulator(int argc, char** argv) {
    const SimArgs args(argc, argv, 2, {"implicit-tls", "no-auth"});
    if (args.has("help")) {
        std::fprintf(stderr, "usage: kimonet-sim smtp [--port N] [--bind 127.0.0.1] [--implicit-tls] [--user U] [--password P] "
                             "[--mechanisms \"PLAIN LOGIN\"] [--no-auth]\n");
        return 0;
    }
    SmtpSimulatorOptions options;
    options.bind = args.get("bind", options.bind);
    options.port = std::atoi(args.get("port", "0").c_str());
    options.implicit_tls = args.has("implicit-tls");
    options.username = args.get("user", options.username);
    options.password = args.get("password", options.password);
    options.mechanisms = args.get("mechanisms", options.mechanisms);
    options.require_auth = !args.has("no-auth");

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    SmtpSimulator simulator(options);
    if (auto started = simulator.start(); !started) {
        std::fprintf(stderr, "error: %s\n", started.error().message().c_str());
        return 1;
    }
    std::printf("listening on %s/\n", simulator.url().c_str());
    std::printf("  %s, AUTH %s as %s / %s after TLS; received messages are printed here\n",
                options.implicit_tls ? "implicit TLS" : "STARTTLS", options.mechanisms.c_str(), options.username.c_str(),
                options.password.c_str());
    std::fflush(stdout);
    int received = 0;
    sigwait(&signals, &received);
    for (const auto& message : simulator.messages())
        std::printf("--- from %s to %zu recipient(s), %zu bytes\n", message.mail_from.c_str(), message.recipients.size(), message.data.size());
    simulator.stop();
    return 0;
}

}  // namespace kimonet::sim
