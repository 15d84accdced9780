// Benchmark: dunning evaluation (load + policy, nothing sent) over 1,000,000 customers of whom 10%
// have an overdue invoice, against a plain SQLite scan of the same rows in the same run.
// Budget (issue 6): evaluation ≤ 3 s of CPU time. Exit 1 when over, 2 on setup errors.
//   bench_dunning [customers=1000000] [workdir=/tmp]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

#include "app/app.hpp"
#include "services/dunning_service.hpp"
#include "services/outage_service.hpp"
#include "bench_timing.hpp"
#include "bench_database.hpp"

using namespace kimonet;
using bench::check;
using bench::measure;
using bench::Stopwatch;
using bench::Timing;

namespace {

constexpr double kBudgetSeconds = 3.0;


// `count` active customers, each with January's invoice due on the 10th: every tenth unpaid, the
// rest paid. The unpaid ones already had their reminders and warning (H-7 … H+1) recorded.
std::unique_ptr<store::Database> seeded_database(const std::string& path, long count) {
    auto db = bench::fresh_database(path);
    store::Database& database = *db;
    const std::string n = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(count) + ") ";
    check(database.transaction([&]() -> Result<void> {
        TRY_VOID(database.execute(
            "INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
            "('Home 10 Mbps', 10000, 5000, 150000, '10M'), ('Bisnis 50 Mbps', 50000, 50000, 750000, 'BISNIS-50M')"));
        TRY_VOID(database.execute(n +
                                  "INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
                                  "SELECT 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + (i % 20 = 0), 'active', '2025-06-01' FROM n"));
        TRY_VOID(database.execute(n +
                                  "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, "
                                  "total, paid_amount, status, created_at) SELECT 'INV-202601-' || i, i, '2026-01', 'monthly', i, '2026-01-01', "
                                  "'2026-01-10', 150000, 0, 150000, CASE WHEN i % 10 = 0 THEN 0 ELSE 150000 END, "
                                  "CASE WHEN i % 10 = 0 THEN 'unpaid' ELSE 'paid' END, 0 FROM n"));
        return database.execute(
            "INSERT INTO dunning_actions(invoice_id, step_id, customer_id, action, step_date, amount, status, at) "
            "SELECT i.id, s.id, i.customer_id, s.action, date(i.due_date, s.day_offset || ' days'), i.total, 'done', 0 "
            "FROM invoices i JOIN dunning_steps s ON s.schedule_id = 1 AND s.day_offset <= 1 AND s.enabled = 1 WHERE i.status = 'unpaid'");
    }),
          "seed");
    check(database.execute("ANALYZE"), "analyze");
    return db;
}

// The baseline: the same rows read with plain prepared statements, every column touched, no policy.
Timing plain_scan(store::Database& db, const Date& today, std::int64_t& rows) {
    const Stopwatch stopwatch;
    check([&]() -> Result<void> {
        auto recorded = TRY(db.prepare(
            "SELECT a.invoice_id, a.step_id, a.status FROM dunning_actions a JOIN invoices i ON i.id = a.invoice_id "
            "WHERE i.status IN ('unpaid','partial')"));
        std::int64_t checksum = 0;
        while (TRY(recorded.step())) checksum += recorded.column_int(0) + recorded.column_int(1) + static_cast<std::int64_t>(recorded.column_text(2).size());
        auto open = TRY(db.prepare(
            "SELECT i.id, i.customer_id, i.invoice_no, i.issue_date, i.due_date, i.total, i.paid_amount, i.status, c.status, "
            "COALESCE(c.dunning_schedule_id, p.dunning_schedule_id, 0), c.service_number, c.name "
            "FROM invoices i JOIN customers c ON c.id = i.customer_id JOIN internet_packages p ON p.id = c.package_id "
            "WHERE i.status IN ('unpaid','partial') AND i.due_date <= ? AND c.status IN ('active','isolated') "
            "ORDER BY i.customer_id, i.due_date, i.id"));
        open.bind(1, to_string(add_days(today, 7)));
        while (TRY(open.step())) {
            ++rows;
            for (int column : {0, 1, 5, 6, 9}) checksum += open.column_int(column);
            for (int column : {2, 3, 4, 7, 8, 10, 11}) checksum += static_cast<std::int64_t>(open.column_text(column).size());
        }
        if (checksum == 42) std::printf(" ");  // keeps the reads observable
        return {};
    }(),
          "plain scan");
    return stopwatch.elapsed();
}

}  // namespace

int main(int argc, char** argv) {
    const long customers = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const std::string workdir = bench::run_directory(argc, argv, 2, "dunning");
    std::printf("seeding %ld customers (10%% overdue)...\n", customers);
    std::fflush(stdout);
    const Stopwatch seeding;
    auto db = seeded_database(workdir + "/dunning.db", customers);
    const double seed_seconds = seeding.elapsed().wall;

    // 17 January: H+7 of the overdue invoices, so every one of them is due for isolation.
    const Date today{2026, 1, 17};
    std::int64_t scanned = 0;
    (void)plain_scan(*db, today, scanned);  // warm the page cache for both measurements alike
    scanned = 0;
    const Timing scan = plain_scan(*db, today, scanned);
    const Stopwatch stopwatch;
    // As a run does: the customers under an outage first (none here; the lookup is timed), then the plan.
    const UtcOffset offset{420};
    auto paused = services::customers_paused_by_outages(*db, unix_from_local(LocalDateTime{today, 9, 0, 0}, offset), offset);
    if (!paused) return std::fprintf(stderr, "%s\n", paused.error().message().c_str()), 2;
    auto plan = services::plan_dunning(*db, today, *paused);
    const Timing evaluation = stopwatch.elapsed();
    if (!plan) return std::fprintf(stderr, "%s\n", plan.error().message().c_str()), 2;
    std::int64_t isolations = 0;
    for (const auto& action : plan->actions) isolations += action.decision.step->action == dunning::StepAction::Isolate && !action.decision.skip;

    const double ratio = evaluation.cpu / scan.cpu;
    std::printf("customers            %ld (seeded in %.1f s)\n", customers, seed_seconds);
    std::printf("overdue invoices     %lld evaluated, %lld scanned by the baseline\n", static_cast<long long>(plan->invoices),
                static_cast<long long>(scanned));
    std::printf("actions due          %zu (%lld isolations)\n", plan->actions.size(), static_cast<long long>(isolations));
    std::printf("plain SQLite scan    %.2f s cpu, %.2f s wall\n", scan.cpu, scan.wall);
    std::printf("dunning evaluation   %.2f s cpu, %.2f s wall (budget %.1f s)\n", evaluation.cpu, evaluation.wall, kBudgetSeconds);
    std::printf("ratio                %.2fx cpu, %.2fx wall\n", ratio, evaluation.wall / scan.wall);
    db.reset();
    std::filesystem::remove_all(workdir);
    const bool ok = evaluation.cpu <= kBudgetSeconds && plan->invoices == customers / 10 && isolations == customers / 10;
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
