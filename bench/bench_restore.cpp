// Benchmark (issue 5): a customer who pays is restored on the router within one second.
// The demo data on a scratch database, both demo routers as in-process simulators, and the network
// worker `kimonet serve` runs. Isolated customers pay their invoice through record_payment (what
// POST /api/payments and the gateway callbacks share); the figure is the time from the payment's
// commit until the simulated router holds the package profile again. Baseline in the same run: a
// direct services::restore() (switch, kick, read back, log) of other isolated customers.
// Budget: the slowest of them within 1,000 ms. Exit 1 over budget, 2 when it could not run.
//   bench_restore [customers=16] [workdir=/tmp]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "app/clock.hpp"
#include "cli/seed_demo.hpp"
#include "jobs/network_runner.hpp"
#include "routeros/routeros_router_control.hpp"
#include "services/invoice_generation.hpp"
#include "services/network_service.hpp"
#include "services/payment_service.hpp"
#include "services/router_service.hpp"
#include "sim/routeros/routeros_simulator.hpp"

using namespace kimonet;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kBudgetMs = 1000;

template <typename T>
T must(Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message().c_str());
        std::exit(2);
    }
    return std::move(result).value();
}

double milliseconds_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::max(2, std::atoi(argv[1])) : 16;
    const std::string workdir = argc > 2 ? argv[2] : "/tmp";
    const std::string base = workdir + "/kimonet-bench-restore-" + std::to_string(getpid());
    app::Config config;
    config.db_path = base + ".db";
    config.secret_key_file = base + ".key";
    config.threads = 2;
    auto app = must(app::App::open(config, std::make_shared<app::SystemClock>()), "open");
    auto lease = must(app->database(), "database");
    app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
    if (auto seeded = cli::seed_demo(context); !seeded) {
        std::fprintf(stderr, "seed: %s\n", seeded.error().message().c_str());
        return 2;
    }

    sim::RouterOsSimulator routers[2];
    for (int index = 0; index < 2; ++index) {
        if (!routers[index].start()) return 2;
        sim::seed_demo_router(routers[index], index);
        must(services::update_router(context, index + 1, api::Json{{"port", routers[index].port()}, {"password", "billing-demo"}}), "router port");
    }
    const Date today = context.today();
    services::GenerateOptions generate;
    generate.period = Period{today.year, today.month};
    must(services::generate_invoices(context, generate), "generate");

    // Active demo customers with an open invoice: half restored directly (baseline), half by paying.
    struct Subject {
        std::int64_t id;
        std::string name;
        std::string profile;
        std::int64_t invoice_id;
        std::int64_t outstanding;
    };
    std::vector<Subject> subjects;
    auto statement = must(context.db.prepare(
                              "SELECT c.id, c.pppoe_username, p.mikrotik_profile, i.id, i.total - i.paid_amount FROM customers c "
                              "JOIN internet_packages p ON p.id = c.package_id JOIN invoices i ON i.customer_id = c.id "
                              "WHERE c.status = 'active' AND i.status = 'unpaid' ORDER BY c.id LIMIT ?"),
                          "select");
    statement.bind(1, 2 * count);
    while (must(statement.step(), "step"))
        subjects.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_int(3),
                            statement.column_int(4)});
    if (static_cast<int>(subjects.size()) < 2 * count) {
        std::fprintf(stderr, "only %zu customers with an open invoice\n", subjects.size());
        return 2;
    }
    for (const auto& subject : subjects) must(services::isolate(context, subject.id, "bench"), "isolate");
    auto profile_on_router = [&](const Subject& subject) {
        auto row = routers[subject.id % 2 == 0 ? 0 : 1].find("/ppp/secret", subject.name);
        return row ? row->at("profile") : std::string();
    };

    std::vector<double> direct, paid;
    for (int index = 0; index < count; ++index) {
        const auto start = Clock::now();
        must(services::restore(context, subjects[index].id, "bench"), "restore");
        direct.push_back(milliseconds_since(start));
    }

    jobs::NetworkRunner worker(*app);
    worker.start();
    for (int index = count; index < 2 * count; ++index) {
        const Subject& subject = subjects[index];
        must(services::record_payment(context, api::Json{{"invoice_id", subject.invoice_id}, {"amount", subject.outstanding},
                                                         {"method", "cash"}}),
             "payment");
        const auto start = Clock::now();
        while (profile_on_router(subject) != subject.profile && milliseconds_since(start) < 10 * kBudgetMs)
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        paid.push_back(profile_on_router(subject) == subject.profile ? milliseconds_since(start) : 1e9);
    }
    worker.stop();
    routeros::close_cached_connections();
    std::filesystem::remove(config.db_path);
    std::filesystem::remove(config.secret_key_file);

    std::sort(direct.begin(), direct.end());
    std::sort(paid.begin(), paid.end());
    const double direct_median = direct[direct.size() / 2], paid_median = paid[paid.size() / 2], paid_max = paid.back();
    std::printf("payment -> restored on the router: median %.1f ms, max %.1f ms over %d customers\n", paid_median, paid_max, count);
    std::printf("baseline direct restore (switch, kick, read back, log): median %.1f ms\n", direct_median);
    std::printf("ratio (payment median / direct median): %.1fx; budget: max <= %.0f ms -> %s\n", paid_median / std::max(direct_median, 0.001),
                kBudgetMs, paid_max <= kBudgetMs ? "OK" : "OVER BUDGET");
    return paid_max <= kBudgetMs ? 0 : 1;
}
