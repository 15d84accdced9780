// kimonet-sim: simulators of the outside world (payment gateways, RouterOS, WhatsApp, SMTP)
// speaking the exact wire formats on loopback. Each simulator arrives with its issue.
#include <cstdio>
#include <cstring>

#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "sim/smtp/smtp_simulator.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"

namespace {

struct Simulator {
    const char* name;
    const char* summary;
    int (*run)(int argc, char** argv);
};

// One row per simulator; argv[1] is the simulator's name, its options follow.
constexpr Simulator kSimulators[] = {
    {"routeros", "MikroTik RouterOS API routers (TCP, optional TLS)", kimonet::sim::run_routeros_simulator},
    {"whatsapp", "WhatsApp HTTP gateways: MPWA, Fonnte, go-whatsapp (send, device, inbound webhooks)", kimonet::sim::run_whatsapp_simulator},
    {"gateways", "Payment gateways Flip, Midtrans, Duitku on one port (/flip, /midtrans, /duitku; signed callbacks)", kimonet::sim::run_gateway_simulator},
    {"smtp", "Mail submission server: SMTP with STARTTLS or implicit TLS, AUTH PLAIN/LOGIN, keeps received messages", kimonet::sim::run_smtp_simulator},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: kimonet-sim <simulator> [options]\n");
        for (const auto& simulator : kSimulators) std::fprintf(stderr, "  %-10s %s\n", simulator.name, simulator.summary);
        return argc < 2 ? 2 : 0;
    }
    for (const auto& simulator : kSimulators)
        if (std::strcmp(argv[1], simulator.name) == 0) return simulator.run(argc, argv);
    std::fprintf(stderr, "unknown simulator '%s'\n", argv[1]);
    return 2;
}
