// Benchmark: billing-run approval (issue 20) for 300,000 customers on each engine, against the
// direct monthly run of the same customers in the same database, same run. Last month is billed
// directly (the baseline, timed), a tenth of the customers change package and a hundredth leave,
// then this month is prepared (drafts + change reasons), summarised, its change list's first page
// read, and approved (numbered, issued). Budgets: prepare ≤ 1.5× the direct run; summary and first
// page ≤ 0.5 s each (they are what the operator waits for on the screen). SQLite is judged on this
// process's CPU time, PostgreSQL on wall time, as bench_billing.
// Exit 1 when a budget is missed, 2 when the run fails.
//   bench_invoice_runs [customers=300000 on SQLite, 100000 on PostgreSQL] [workdir=/tmp]   (KIMONET_BENCH_ENGINES=sqlite|postgresql)
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/app.hpp"
#include "services/invoice_generation.hpp"
#include "services/invoice_runs.hpp"
#include "bench_database.hpp"
#include "bench_engines.hpp"
#include "bench_timing.hpp"

using namespace kimonet;
using bench::check;
using bench::Stopwatch;
using bench::Timing;

namespace {

constexpr double kMaxPrepareRatio = 1.5;
constexpr double kMaxReadSeconds = 0.5;

struct Figures {
    long customers = 0;
    Timing direct, prepare, summary, first_page, approve;
    services::InvoiceRunSummary result;
};

void seed(const std::string& url, long count) {
    auto db = app::open_migrated_database(url);
    if (!db) {
        std::fprintf(stderr, "open %s: %s\n", url.c_str(), db.error().message().c_str());
        std::exit(2);
    }
    check((*db)->execute(
              "INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
              "('Home 10 Mbps', 10000, 5000, 150000, '10M'), ('Home 20 Mbps', 20000, 10000, 200000, '20M'), "
              "('Home 30 Mbps', 30000, 15000, 300000, '30M'), ('Bisnis 50 Mbps', 50000, 50000, 750000, 'BISNIS-50M')"),
          "packages");
    // Every twentieth customer joins in March (new, prorated); the others have been customers since 2025.
    check((*db)->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(count) +
                         ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
                         "SELECT 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 4, 'active', "
                         "CASE WHEN i % 20 = 0 THEN '2026-03-' || CASE WHEN 1 + i % 28 < 10 THEN '0' ELSE '' END || (1 + i % 28) "
                         "ELSE '2025-06-01' END FROM n"),
          "customers");
}

Figures run_engine(store::Engine engine, long customers, const std::string& workdir) {
    Figures figures;
    figures.customers = customers;
    std::printf("%s: seeding %ld customers...\n", bench::engine_name(engine), customers);
    std::fflush(stdout);
    const std::string url = bench::fresh_database_url(engine, workdir, "bench_invoice_runs");
    seed(url, customers);
    app::Config config;
    config.db_path = url;
    config.secret_key_file = workdir + "/secret.key";
    auto clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 3, 1}, 0, 1, 0}, UtcOffset{420}));
    auto app = app::App::open(config, clock);
    if (!app) {
        std::fprintf(stderr, "open: %s\n", app.error().message().c_str());
        std::exit(2);
    }
    auto lease = (*app)->database();
    if (!lease) std::exit(2);
    store::Database& db = **lease;
    app::Context context = (*app)->context(db, app::Actor{"system", 0, "bench", ""});

    services::GenerateOptions direct;
    direct.period = Period{2026, 2};
    const Stopwatch direct_watch;
    if (!services::generate_invoices(context, direct)) std::exit(2);
    figures.direct = direct_watch.elapsed();
    check(db.execute("UPDATE customers SET package_id = 1 + package_id % 4 WHERE id % 10 = 1"), "package changes");
    check(db.execute("UPDATE customers SET status = 'inactive' WHERE id % 100 = 7"), "leaving customers");
    if (engine == store::Engine::Postgresql) bench::postgresql_admin(url, "VACUUM ANALYZE");

    const Stopwatch prepare_watch;
    auto run_id = services::prepare_invoice_run(context, {Period{2026, 3}, std::nullopt});
    figures.prepare = prepare_watch.elapsed();
    if (!run_id) {
        std::fprintf(stderr, "prepare: %s\n", run_id.error().message().c_str());
        std::exit(2);
    }
    const Stopwatch summary_watch;
    auto summary = services::invoice_run_summary(context, *run_id);
    figures.summary = summary_watch.elapsed();
    if (!summary) std::exit(2);
    const Stopwatch page_watch;
    store::RunItemFilter filter;
    filter.changes_only = true;
    auto page = store::list_invoice_run_items(db, *run_id, filter);
    auto total = store::count_invoice_run_items(db, *run_id, filter);
    figures.first_page = page_watch.elapsed();
    if (!page || !total) std::exit(2);
    const Stopwatch approve_watch;
    auto approved = services::approve_invoice_run(context, *run_id, services::ApproveRunOptions{std::nullopt, false, {}});
    figures.approve = approve_watch.elapsed();
    if (!approved) {
        std::fprintf(stderr, "approve: %s\n", approved.error().message().c_str());
        std::exit(2);
    }
    figures.result = *approved;
    const auto& result = figures.result;
    std::printf("  direct run (Feb)   %6.2f s wall, %.2f s cpu\n  prepare (Mar)      %6.2f s wall, %.2f s cpu: %lld drafts, Rp %lld; new %lld, leaving %lld, "
                "prorated %lld, package changes %lld\n  summary            %6.3f s wall, %.3f s cpu\n  changes, page 1    %6.3f s wall, %.3f s cpu (%lld rows)\n"
                "  approve            %6.2f s wall: %lld issued\n",
                figures.direct.wall, figures.direct.cpu, figures.prepare.wall, figures.prepare.cpu, static_cast<long long>(result.run.invoice_count),
                static_cast<long long>(result.run.total_amount), static_cast<long long>(result.new_customers),
                static_cast<long long>(result.leaving), static_cast<long long>(result.prorations),
                static_cast<long long>(result.package_changes), figures.summary.wall, figures.summary.cpu, figures.first_page.wall,
                figures.first_page.cpu,
                static_cast<long long>(*total), figures.approve.wall, static_cast<long long>(result.issued));
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    const long given = argc > 1 ? std::atol(argv[1]) : 0;
    const std::string workdir = bench::run_directory(argc, argv, 2, "invoice-runs");
    bool ok = true;
    for (store::Engine engine : bench::engines_to_run()) {
        const auto figures = run_engine(engine, given > 0 ? given : engine == store::Engine::Sqlite ? 300'000 : 100'000, workdir);
        // SQLite: process CPU (the work is in this process, which a shared machine cannot inflate);
        // PostgreSQL: wall (the work is in the server's processes), as bench_billing.
        const bool sqlite = engine == store::Engine::Sqlite;
        const auto time_of = [sqlite](const Timing& timing) { return sqlite ? timing.cpu : timing.wall; };
        const double ratio = time_of(figures.prepare) / time_of(figures.direct);
        const bool pass = ratio <= kMaxPrepareRatio && time_of(figures.summary) <= kMaxReadSeconds && time_of(figures.first_page) <= kMaxReadSeconds &&
                          figures.result.issued == figures.result.run.invoice_count;
        std::printf("  %s: prepare / direct run %.2fx (budget %.1fx), reads ≤ %.1f s: %s\n", bench::engine_name(engine), ratio, kMaxPrepareRatio,
                    kMaxReadSeconds, pass ? "PASS" : "FAIL");
        ok = ok && pass;
    }
    std::filesystem::remove_all(workdir);
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
