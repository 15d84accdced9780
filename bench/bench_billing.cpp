// Benchmark: monthly invoice generation for 1,000,000 active customers against a raw SQLite bulk
// insert of the same number of invoice rows into the same schema, in the same run.
// Budgets (issue 3): generation ≤ 2× the raw insert time, peak RSS ≤ 200 MB. Exit 1 when over.
//   bench_billing [customers=1000000] [workdir=/tmp]   (KIMONET_BENCH_BATCH overrides the batch size)
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/app.hpp"
#include "services/invoice_generation.hpp"
#include "store/migrations.hpp"
#include "bench_timing.hpp"
#include "bench_database.hpp"

using namespace kimonet;
using bench::check;
using bench::measure;
using bench::Stopwatch;
using bench::Timing;

namespace {

constexpr double kMaxRatio = 2.0;
constexpr long kMaxRssMegabytes = 200;

long peak_rss_megabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// A migrated database with the demo packages and `count` active customers (not timed).
std::unique_ptr<store::Database> seeded_database(const std::string& path, long count) {
    auto db = bench::fresh_database(path);
    check(db->execute(
              "INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
              "('Home 10 Mbps', 10000, 5000, 150000, '10M'), ('Home 20 Mbps', 20000, 10000, 200000, '20M'), "
              "('Home 30 Mbps', 30000, 15000, 300000, '30M'), ('Bisnis 50 Mbps', 50000, 50000, 750000, 'BISNIS-50M')"),
          "packages");
    check(db->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(count) +
                         ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date, due_day) "
                         "SELECT 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 4, 'active', "
                         "CASE WHEN i % 10 = 0 THEN '2026-03-' || printf('%02d', 1 + i % 28) ELSE '2025-06-01' END, "
                         "CASE WHEN i % 7 = 0 THEN 31 ELSE NULL END FROM n"),
          "customers");
    return db;
}

// The baseline: one transaction, one prepared INSERT per invoice row, nothing else.
Timing raw_insert(store::Database& db, long count) {
    const Stopwatch stopwatch;
    check(db.transaction([&]() -> Result<void> {
        auto insert = TRY(db.prepare(
            "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
            "tax_rate_bp, tax_mode, paid_amount, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        char number[32];
        for (long i = 1; i <= count; ++i) {
            std::snprintf(number, sizeof number, "INV-202603-%05ld", i);
            const std::int64_t price = 150000 + (i % 4) * 50000;
            insert.reset();
            insert.bind(1, number).bind(2, std::int64_t{i}).bind(3, "2026-03").bind(4, "monthly").bind(5, std::int64_t{i});
            insert.bind(6, "2026-03-01").bind(7, "2026-03-10").bind(8, price).bind(9, std::int64_t{0}).bind(10, price);
            insert.bind(11, std::int64_t{0}).bind(12, "exclusive").bind(13, std::int64_t{0}).bind(14, "unpaid").bind(15, std::int64_t{0});
            TRY_VOID(insert.run());
        }
        return {};
    }),
          "raw insert");
    return stopwatch.elapsed();
}

}  // namespace

int main(int argc, char** argv) {
    const long customers = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const std::string workdir = bench::run_directory(argc, argv, 2, "billing");

    std::printf("seeding %ld customers twice...\n", customers);
    std::fflush(stdout);
    Timing raw;
    {
        auto db = seeded_database(workdir + "/raw.db", customers);
        raw = raw_insert(*db, customers);
    }
    seeded_database(workdir + "/generate.db", customers).reset();

    app::Config config;
    config.db_path = workdir + "/generate.db";
    config.secret_key_file = workdir + "/secret.key";
    auto clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 3, 1}, 0, 1, 0}, UtcOffset{420}));
    auto app = app::App::open(config, clock);
    if (!app) return std::fprintf(stderr, "%s\n", app.error().message().c_str()), 2;
    auto lease = (*app)->database();
    app::Context context = (*app)->context(**lease, app::Actor{"system", 0, "bench", ""});
    services::GenerateOptions options;
    options.period = Period{2026, 3};
    if (const char* batch = std::getenv("KIMONET_BENCH_BATCH")) options.batch_size = std::atoi(batch);
    const Stopwatch stopwatch;
    auto summary = services::generate_invoices(context, options);
    const Timing generate = stopwatch.elapsed();
    if (!summary) return std::fprintf(stderr, "%s\n", summary.error().message().c_str()), 2;

    const double ratio = generate.cpu / raw.cpu;
    const long rss = peak_rss_megabytes();
    std::printf("customers            %ld\n", customers);
    std::printf("invoices created     %lld (total Rp %lld)\n", static_cast<long long>(summary->created),
                static_cast<long long>(summary->total_amount));
    std::printf("raw bulk insert      %.2f s cpu, %.2f s wall\n", raw.cpu, raw.wall);
    std::printf("generate_invoices    %.2f s cpu, %.2f s wall (batches of %d)\n", generate.cpu, generate.wall, options.batch_size);
    std::printf("ratio                %.2fx cpu (budget %.1fx), %.2fx wall\n", ratio, kMaxRatio, generate.wall / raw.wall);
    std::printf("peak RSS             %ld MB (budget %ld MB)\n", rss, kMaxRssMegabytes);
    std::filesystem::remove_all(workdir);
    const bool ok = ratio <= kMaxRatio && rss <= kMaxRssMegabytes && summary->created == customers;
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
