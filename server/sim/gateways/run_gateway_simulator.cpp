// `kimonet-sim gateways`: Flip, Midtrans and Duitku simulators in one process, one port.
#include <csignal>
#include <cstdlib>
#include <cstdio>

#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/sim_args.hpp"

namespace kimonet::sim {

int run_gateway_simulator(int argc, char** argv) {
    const SimArgs args(argc, argv, 2, {"no-sandbox-behaviours"});
    if (args.has("help")) {
        std::fprintf(stderr, "usage: kimonet-sim gateways [--port N] [--bind 127.0.0.1] [--callback-base http://127.0.0.1:8080] "
                             "[--flip-secret-key K] [--flip-token T] [--midtrans-server-key K] [--duitku-merchant-code C] "
                             "[--duitku-api-key K] [--retry-delay-ms N] [--no-sandbox-behaviours]\n");
        return 0;
    }
    GatewaySimulatorOptions options;
    options.bind = args.get("bind", options.bind);
    options.port = std::atoi(args.get("port", "0").c_str());
    options.callback_base = args.get("callback-base");
    options.flip_secret_key = args.get("flip-secret-key", options.flip_secret_key);
    options.flip_validation_token = args.get("flip-token", options.flip_validation_token);
    options.midtrans_server_key = args.get("midtrans-server-key", options.midtrans_server_key);
    options.duitku_merchant_code = args.get("duitku-merchant-code", options.duitku_merchant_code);
    options.duitku_api_key = args.get("duitku-api-key", options.duitku_api_key);
    options.retry_delay_ms = std::atoi(args.get("retry-delay-ms", std::to_string(options.retry_delay_ms)).c_str());
    options.sandbox_behaviours = !args.has("no-sandbox-behaviours");

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    PaymentGatewaySimulator simulator(options);
    if (auto started = simulator.start(); !started) {
        std::fprintf(stderr, "error: %s\n", started.error().message().c_str());
        return 1;
    }
    const std::string base = simulator.base_url();
    std::printf("listening on %s/ (callbacks to %s/payment/callback/<gateway>)\n", base.c_str(),
                options.callback_base.empty() ? "<no --callback-base>" : options.callback_base.c_str());
    std::printf("  flip:     %s/flip      secret key %s, validation token %s\n", base.c_str(), options.flip_secret_key.c_str(),
                options.flip_validation_token.c_str());
    std::printf("  midtrans: %s/midtrans  server key %s\n", base.c_str(), options.midtrans_server_key.c_str());
    std::printf("  duitku:   %s/duitku    merchant %s, api key %s\n", base.c_str(), options.duitku_merchant_code.c_str(),
                options.duitku_api_key.c_str());
    std::printf("  tests:    POST /_sim/pay/{id}  GET /_sim/checkout/{id}  POST /_sim/mode  GET /_sim/transactions  GET /_sim/callbacks\n");
    std::fflush(stdout);
    int received = 0;
    sigwait(&signals, &received);
    simulator.stop();
    return 0;
}

}  // namespace kimonet::sim
