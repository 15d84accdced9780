// kimonet-sim: simulators of the outside world (payment gateways, RouterOS, WhatsApp)
// speaking the exact wire formats on loopback. Each simulator arrives with its issue.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: kimonet-sim <simulator> [options]\n  (no simulators yet)\n");
        return argc < 2 ? 2 : 0;
    }
    std::fprintf(stderr, "unknown simulator '%s'\n", argv[1]);
    return 2;
}
