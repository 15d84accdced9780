// Benchmark (issue 19): 25,000 hotspot vouchers generated (CSPRNG codes, rows in the database) and
// pushed to a simulated RouterOS router through the product's path (services::create_voucher_batch
// + push_voucher_batch: profile, pipelined /ip/hotspot/user/add in chunks, a marker commit per
// chunk), against a raw pipelined add of the same 25,000 users on one logged-in connection to a
// second simulator in the same run. Budget: product ≤ 3 × raw. Exit 1 over budget, 2 when it
// cannot measure. `bench_vouchers [count=25000] [workdir=/tmp]`.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app/app.hpp"
#include "app/clock.hpp"
#include "cli/seed_demo.hpp"
#include "routeros/client.hpp"
#include "routeros/routeros_router_control.hpp"
#include "services/router_service.hpp"
#include "services/voucher_push.hpp"
#include "services/voucher_service.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "store/hotspot_store.hpp"

using namespace kimonet;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kBudgetRatio = 3.0;

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

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::max(1, std::min(25000, std::atoi(argv[1]))) : 25000;
    const std::string workdir = argc > 2 ? argv[2] : "/tmp";
    const std::string base = workdir + "/kimonet-bench-vouchers-" + std::to_string(getpid());
    app::Config config;
    config.db_path = base + ".db";
    config.secret_key_file = base + ".key";
    config.threads = 2;
    auto app = must(app::App::open(config, std::make_shared<app::SystemClock>()), "open");
    auto lease = must(app->database(), "database");
    app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
    must(cli::seed_demo(context), "seed");

    sim::RouterOsSimulator product_router, raw_router;
    if (!product_router.start() || !raw_router.start()) return 2;
    must(services::update_router(context, 1, api::Json{{"port", product_router.port()}, {"password", "billing-demo"}}), "router port");
    const auto profile = must(services::create_hotspot_profile(context, api::Json{{"name", "jam-3"}, {"rate_limit", "2M/2M"},
                                                                                   {"time_limit_seconds", 10800}, {"price", 5000}}),
                              "profile");

    // The product: generate and push.
    auto start = Clock::now();
    const auto batch = must(services::create_voucher_batch(context, api::Json{{"router_id", 1}, {"profile_id", profile.id}, {"count", count}}), "batch");
    const double generate_seconds = seconds_since(start);
    const auto report = must(services::push_voucher_batch(context, batch.id), "push");
    const double product_seconds = seconds_since(start);

    // The baseline: the same users, one pipelined run_all on a logged-in connection.
    const auto vouchers = must(store::list_vouchers(context.db, batch.id), "vouchers");
    std::vector<routeros::Command> adds;
    adds.reserve(vouchers.size());
    for (const auto& voucher : vouchers)
        adds.push_back(std::move(routeros::Command("/ip/hotspot/user/add")
                                     .set("name", voucher.username)
                                     .set("password", voucher.password)
                                     .set("profile", "default")
                                     .set("limit-uptime", "3h")
                                     .set("comment", services::voucher_batch_comment(batch.id))));
    auto client = must(routeros::Client::connect({"127.0.0.1", raw_router.port(), false, "billing", "billing-demo"}), "connect");
    start = Clock::now();
    const auto responses = must(client->run_all(adds), "raw add");
    const double raw_seconds = seconds_since(start);
    int raw_added = 0;
    for (const auto& response : responses) raw_added += response.trap ? 0 : 1;

    int on_router = 0;
    for (const auto& row : product_router.rows("/ip/hotspot/user")) on_router += row.at("comment") == services::voucher_batch_comment(batch.id) ? 1 : 0;
    const double ratio = product_seconds / raw_seconds;
    const bool complete = on_router == count && report.pushed == count && raw_added == count;
    std::printf("vouchers raw: %d pipelined /ip/hotspot/user/add in %.3f s = %.0f users/s\n", raw_added, raw_seconds, raw_added / raw_seconds);
    std::printf("vouchers product: %d generated in %.3f s, pushed (%d on the router, read back) in %.3f s total = %.0f vouchers/s\n", count,
                generate_seconds, on_router, product_seconds, count / product_seconds);
    std::printf("vouchers ratio: %.2f × the raw pipelined add (budget ≤ %.1f ×): %s\n", ratio, kBudgetRatio,
                ratio <= kBudgetRatio && complete ? "PASS" : "FAIL");
    routeros::close_cached_connections();
    // The files go now (Linux keeps them open for the App until it closes at the end of main).
    std::filesystem::remove(config.db_path);
    std::filesystem::remove(config.db_path + "-wal");
    std::filesystem::remove(config.db_path + "-shm");
    std::filesystem::remove(config.secret_key_file);
    return ratio <= kBudgetRatio && complete ? 0 : 1;
}
