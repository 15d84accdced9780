// Benchmark: isolate 10,000 customers spread over two simulated routers with pipelined,
// tagged RouterOS commands (look up, set profile, read back, find session, kick), and compare with plain
// one-at-a-time /system/resource/print round trips in the same run.
// Budget: >= 2,000 verified isolations per second. Exit code 1 when below budget.
#include <chrono>
#include <cstdio>
#include <thread>

#include "routeros/client.hpp"
#include "routeros/routeros_router_control.hpp"
#include "sim/routeros/routeros_simulator.hpp"

using namespace kimonet;
using Seconds = std::chrono::duration<double>;

namespace {

constexpr int kCustomers = 10000;
constexpr int kBatch = 1000;
constexpr int kBaselineRoundTrips = 2000;
constexpr double kBudget = 2000.0;

std::string name_of(int customer) {
    char name[16];
    std::snprintf(name, sizeof name, "c%05d", customer);
    return name;
}

void seed(sim::RouterOsSimulator& router, int parity) {
    router.with_state([&](sim::RouterState& state) {
        state.menu("/ppp/profile")->add({{"name", "10M"}, {"rate-limit", "10M/5M"}});
        for (int customer = 0; customer < kCustomers; ++customer)
            if (customer % 2 == parity)
                state.menu("/ppp/secret")->add({{"name", name_of(customer)}, {"password", "x"}, {"service", "pppoe"}, {"profile", "10M"},
                                                {"disabled", "false"}});
        return 0;
    });
    for (int customer = parity; customer < kCustomers; customer += 2) router.connect_session(name_of(customer), "10.0.0.1");
}

Router router_config(std::int64_t id, int port) {
    Router router;
    router.id = id;
    router.host = "127.0.0.1";
    router.port = port;
    router.username = "billing";
    router.password = "billing-demo";
    return router;
}

}  // namespace

int main() {
    sim::RouterOsSimulator routers[2];
    for (int index = 0; index < 2; ++index) {
        if (!routers[index].start()) return 2;
        seed(routers[index], index);
    }

    // Baseline: sequential round trips on one logged-in connection.
    auto client = routeros::Client::connect({"127.0.0.1", routers[0].port(), false, "billing", "billing-demo"});
    if (!client) {
        std::fprintf(stderr, "%s\n", client.error().message().c_str());
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < kBaselineRoundTrips; ++round)
        if (!(*client)->run(routeros::Command("/system/resource/print"))) return 2;
    const double baseline_seconds = Seconds(std::chrono::steady_clock::now() - start).count();
    const double baseline_rate = kBaselineRoundTrips / baseline_seconds;

    // Isolation: one thread per router, batches of pipelined switches through the RouterControl adapter.
    int verified[2] = {0, 0};
    int kicked[2] = {0, 0};
    start = std::chrono::steady_clock::now();
    std::thread workers[2];
    for (int index = 0; index < 2; ++index) {
        workers[index] = std::thread([&, index] {
            auto control = routeros::router_control(router_config(index + 1, routers[index].port()));
            if (!control->ensure_profile("ISOLIR", "512k/512k")) return;
            std::vector<network::ProfileSwitch> batch;
            for (int customer = index; customer < kCustomers; customer += 2) {
                batch.push_back({name_of(customer), "ISOLIR"});
                if (batch.size() == kBatch || customer + 2 >= kCustomers) {
                    auto results = control->switch_profiles(batch);
                    if (!results) return;
                    for (const auto& result : *results) {
                        verified[index] += result.ok && result.changed ? 1 : 0;
                        kicked[index] += result.kicked;
                    }
                    batch.clear();
                }
            }
        });
    }
    for (auto& worker : workers) worker.join();
    const double isolation_seconds = Seconds(std::chrono::steady_clock::now() - start).count();
    const int total = verified[0] + verified[1];
    const double rate = total / isolation_seconds;

    int on_router = 0;
    for (auto& router : routers)
        for (const auto& row : router.rows("/ppp/secret")) on_router += row.at("profile") == "ISOLIR" ? 1 : 0;

    std::printf("routeros baseline: %d sequential /system/resource/print round trips in %.3f s = %.0f round trips/s\n",
                kBaselineRoundTrips, baseline_seconds, baseline_rate);
    std::printf("routeros isolation: %d verified isolations (%d sessions kicked, %d ISOLIR on routers) over 2 routers in %.3f s = %.0f "
                "isolations/s\n",
                total, kicked[0] + kicked[1], on_router, isolation_seconds, rate);
    std::printf("routeros ratio: %.2f verified isolations per baseline round trip (each isolation = 5 pipelined commands: "
                "look up, set, read back, find session, kick)\n",
                rate / baseline_rate);
    std::printf("routeros budget: >= %.0f isolations/s: %s\n", kBudget, rate >= kBudget && total == kCustomers ? "PASS" : "FAIL");
    routeros::close_cached_connections();
    return rate >= kBudget && total == kCustomers && on_router == kCustomers ? 0 : 1;
}
