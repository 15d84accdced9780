// `kimonet-sim whatsapp`: the WhatsApp gateway simulator as a standalone process.
#include <csignal>
#include <cstdlib>
#include <cstdio>

#include "sim/sim_args.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"

namespace kimonet::sim {

int run_whatsapp_simulator(int argc, char** argv) {
    const SimArgs args(argc, argv, 2);
    if (args.has("help")) {
        std::fprintf(stderr, "usage: kimonet-sim whatsapp [--port N] [--bind 127.0.0.1] [--api-key K] [--sender 62…] "
                             "[--basic-auth user:password] [--webhook-base URL] [--webhook-secret S]\n");
        return 0;
    }
    WhatsAppSimulatorOptions options;
    options.bind = args.get("bind", options.bind);
    options.port = std::atoi(args.get("port", "0").c_str());
    options.api_key = args.get("api-key", options.api_key);
    options.sender = args.get("sender", options.sender);
    options.basic_auth = args.get("basic-auth", options.basic_auth);
    options.webhook_base = args.get("webhook-base");
    options.webhook_secret = args.get("webhook-secret");

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    WhatsAppSimulator simulator(options);
    if (auto started = simulator.start(); !started) {
        std::fprintf(stderr, "error: %s\n", started.error().message().c_str());
        return 1;
    }
    std::printf("listening on %s/\n", simulator.base_url().c_str());
    std::printf("  mpwa:   POST /send-message (api_key=%s, sender=%s)   GET /generate-qr\n", options.api_key.c_str(), options.sender.c_str());
    std::printf("  fonnte: POST /send (Authorization: %s)   POST /device   POST /qr\n", options.api_key.c_str());
    std::printf("  gowa:   POST /send/message (Basic %s)   GET /app/devices   GET /app/login\n", options.basic_auth.c_str());
    std::printf("  wablas: POST /api/send-message, /api/send-document (Authorization: %s)   GET /api/device/info\n", options.api_key.c_str());
    std::printf("  waha:   POST /api/sendText, /api/sendFile (X-Api-Key: %s, session %s)   GET /api/sessions/%s\n", options.api_key.c_str(),
                options.waha_session.c_str(), options.waha_session.c_str());
    std::printf("  meta:   POST /v21.0/%s/messages (Bearer %s; app secret %s)\n", options.meta_phone_number_id.c_str(), options.api_key.c_str(),
                options.meta_app_secret.c_str());
    std::printf("  tests:  GET /_sim/messages   POST /_sim/mode   POST /_sim/inbound\n");
    std::fflush(stdout);
    int received = 0;
    sigwait(&signals, &received);
    simulator.stop();
    return 0;
}

}  // namespace kimonet::sim
