// Benchmark: monthly invoice generation for 1,000,000 active customers on each engine, against
// the raw load of the same number of invoice rows into the same table (same indexes), in the same
// run:
//   - SQLite: one transaction of one prepared INSERT per row (KIMONET_BENCH_RAW_ROWS=N puts N rows
//     in each INSERT instead, as the run itself now writes them); generation ≤ 1.3× it (process
//     CPU time, which other processes on the machine cannot inflate), peak RSS ≤ 200 MB;
//   - PostgreSQL: COPY invoices FROM STDIN and then COPY invoice_lines FROM STDIN (one line per
//     invoice, each COPY one transaction) through libpq, into the same tables of the same database
//     (emptied again before the run): the rows the run writes, by the engine's fastest path;
//     generation ≤ 1.3× the two together (wall time: the work is in the server's processes).
//     CHECKPOINT before each timed phase, so none pays for another. The lines are in the baseline
//     since session 16: each line's foreign-key check (a locking lookup of its invoice) is most of
//     their cost, 0.58× the invoices' COPY, and the run cannot write a line without it.
// The run writes more than either baseline: its activity entries, and it reads the customers and
// packages it bills. SQLite's baseline is the invoice rows alone (stricter than PostgreSQL's).
// Exit 1 when a budget is missed, 2 when the run fails.
//   bench_billing [customers=1000000 on SQLite, 200000 on PostgreSQL] [workdir=/tmp]   (KIMONET_BENCH_BATCH overrides the batch size;
//   KIMONET_BENCH_ENGINES=sqlite|postgresql runs one engine)
#include <libpq-fe.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/app.hpp"
#include "services/invoice_generation.hpp"
#include "store/migrations.hpp"
#include "bench_database.hpp"
#include "bench_engines.hpp"
#include "bench_timing.hpp"

using namespace kimonet;
using bench::check;
using bench::Stopwatch;
using bench::Timing;

namespace {

constexpr double kMaxRatio = 1.3;
constexpr long kMaxRssMegabytes = 200;

long peak_rss_megabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// A migrated database with the demo packages and `count` active customers (not timed).
std::unique_ptr<store::Database> seeded_database(const std::string& url, long count) {
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
    // Portable SQL (both engines): every tenth customer joined in March (prorated), every seventh is due on the 31st.
    check((*db)->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(count) +
                         ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date, due_day) "
                         "SELECT 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 4, 'active', "
                         "CASE WHEN i % 10 = 0 THEN '2026-03-' || CASE WHEN 1 + i % 28 < 10 THEN '0' ELSE '' END || (1 + i % 28) "
                         "ELSE '2025-06-01' END, CASE WHEN i % 7 = 0 THEN 31 ELSE NULL END FROM n"),
          "customers");
    return std::move(*db);
}

// SQLite's baseline: one transaction of prepared INSERTs, `rows_per_insert` invoice rows each
// (1 unless KIMONET_BENCH_RAW_ROWS says otherwise), nothing else.
Timing raw_insert(store::Database& db, long count) {
    const char* configured = std::getenv("KIMONET_BENCH_RAW_ROWS");
    const long rows_per_insert = configured ? std::max(1L, std::atol(configured)) : 1;
    auto insert_sql = [](long rows) {
        std::string sql =
            "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
            "tax_rate_bp, tax_mode, paid_amount, status, created_at) VALUES ";
        for (long row = 0; row < rows; ++row) sql += row ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        return sql;
    };
    const Stopwatch stopwatch;
    check(db.transaction([&]() -> Result<void> {
        auto insert = TRY(db.prepare(insert_sql(rows_per_insert)));  // prepared once; reset, bound and run per statement
        char number[32];
        for (long first = 1; first <= count; first += rows_per_insert) {
            const long rows = std::min(rows_per_insert, count - first + 1);
            if (rows < rows_per_insert) insert = TRY(db.prepare(insert_sql(rows)));  // the last, shorter one
            insert.reset();
            for (long row = 0; row < rows; ++row) {
                const long i = first + row;
                const int at = static_cast<int>(row) * 15;
                std::snprintf(number, sizeof number, "INV-202603-%05ld", i);
                const std::int64_t price = 150000 + (i % 4) * 50000;
                insert.bind(at + 1, number).bind(at + 2, std::int64_t{i}).bind(at + 3, "2026-03").bind(at + 4, "monthly").bind(at + 5, std::int64_t{i});
                insert.bind(at + 6, "2026-03-01").bind(at + 7, "2026-03-10").bind(at + 8, price).bind(at + 9, std::int64_t{0}).bind(at + 10, price);
                insert.bind(at + 11, std::int64_t{0}).bind(at + 12, "exclusive").bind(at + 13, std::int64_t{0}).bind(at + 14, "unpaid").bind(at + 15, std::int64_t{0});
            }
            TRY_VOID(insert.run());
        }
        return {};
    }),
          "raw insert");
    return stopwatch.elapsed();
}

// `count` rows by COPY FROM STDIN (`copy_sql`) in one transaction through libpq; format(i, line)
// writes row i (1-based) into `line` and returns its length.
template <typename Format>
Timing copy_rows(const std::string& url, const char* copy_sql, long count, Format format) {
    PGconn* connection = PQconnectdb(url.c_str());
    auto fail = [&](const char* what) {
        std::fprintf(stderr, "COPY baseline, %s: %s\n", what, PQerrorMessage(connection));
        std::exit(2);
    };
    if (PQstatus(connection) != CONNECTION_OK) fail("connect");
    auto run = [&](const char* sql, ExecStatusType expected) {
        PGresult* result = PQexec(connection, sql);
        if (PQresultStatus(result) != expected) fail(sql);
        PQclear(result);
    };
    const Stopwatch stopwatch;
    run("BEGIN", PGRES_COMMAND_OK);
    run(copy_sql, PGRES_COPY_IN);
    std::string buffer;
    char line[256];
    for (long i = 1; i <= count; ++i) {
        buffer.append(line, static_cast<std::size_t>(format(i, line)));
        if (buffer.size() >= 65536 || i == count) {
            if (PQputCopyData(connection, buffer.data(), static_cast<int>(buffer.size())) != 1) fail("COPY data");
            buffer.clear();
        }
    }
    if (PQputCopyEnd(connection, nullptr) != 1) fail("COPY end");
    PGresult* result = PQgetResult(connection);
    if (PQresultStatus(result) != PGRES_COMMAND_OK) fail("COPY");
    PQclear(result);
    while ((result = PQgetResult(connection))) PQclear(result);
    run("COMMIT", PGRES_COMMAND_OK);
    const Timing elapsed = stopwatch.elapsed();
    PQfinish(connection);
    return elapsed;
}

// PostgreSQL's baseline: the same invoice rows by COPY FROM STDIN in one transaction.
Timing copy_invoices(const std::string& url, long count) {
    return copy_rows(url,
                     "COPY invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
                     "tax_rate_bp, tax_mode, paid_amount, status, created_at) FROM STDIN",
                     count, [](long i, char* line) {
                         const long price = 150000 + (i % 4) * 50000;
                         return std::snprintf(line, 256, "INV-202603-%05ld\t%ld\t2026-03\tmonthly\t%ld\t2026-03-01\t2026-03-10\t%ld\t0\t%ld\t0\texclusive\t0\tunpaid\t0\n",
                                              i, i, i, price, price);
                     });
}

// The other half of PostgreSQL's baseline: one line per invoice by COPY, in a transaction of its
// own after the invoices' (ids 1…count, a fresh table).
Timing copy_lines(const std::string& url, long count) {
    return copy_rows(url, "COPY invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) FROM STDIN", count,
                     [](long i, char* line) {
                         const long price = 150000 + (i % 4) * 50000;
                         return std::snprintf(line, 256, "%ld\t1\tpackage\tHome 10 Mbps - Maret 2026\t1\t%ld\t%ld\n", i, price, price);
                     });
}

struct Figures {
    Timing baseline, generate;
    Timing lines;  // PostgreSQL: COPY of one line per invoice (in the baseline, printed apart)
    long long created = 0, total = 0;
    long customers = 0;
    int batch = 0;
    double ratio() const { return generate.wall > 0 && baseline.wall > 0 ? generate.wall / baseline.wall : 0; }
};

Result<services::GenerateSummary> generate(const std::string& url, const std::string& workdir, Figures& figures) {
    app::Config config;
    config.db_path = url;
    config.secret_key_file = workdir + "/secret.key";
    auto clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 3, 1}, 0, 1, 0}, UtcOffset{420}));
    auto app = TRY(app::App::open(config, clock));
    auto lease = TRY(app->database());
    app::Context context = app->context(*lease, app::Actor{"system", 0, "bench", ""});
    services::GenerateOptions options;
    options.period = Period{2026, 3};
    if (const char* batch = std::getenv("KIMONET_BENCH_BATCH")) options.batch_size = std::atoi(batch);
    figures.batch = options.batch_size.value_or(lease->engine() == store::Engine::Postgresql ? 5000 : 1000);  // the service's default
    const Stopwatch stopwatch;
    auto summary = services::generate_invoices(context, options);
    figures.generate = stopwatch.elapsed();
    return summary;
}

Figures run_engine(store::Engine engine, long customers, const std::string& workdir) {
    Figures figures;
    figures.customers = customers;
    std::printf("%s: seeding %ld customers...\n", bench::engine_name(engine), customers);
    std::fflush(stdout);
    std::string url;
    if (engine == store::Engine::Sqlite) {
        // Two files, as before: the baseline's and the run's.
        {
            auto db = seeded_database(bench::fresh_database_url(engine, workdir, "raw"), customers);
            figures.baseline = raw_insert(*db, customers);
        }
        url = bench::fresh_database_url(engine, workdir, "generate");
        seeded_database(url, customers).reset();
    } else {
        // One database: COPY into its invoices, empty them again, then the run into the same table.
        url = bench::fresh_database_url(engine, workdir, "bench_billing");
        seeded_database(url, customers).reset();
        bench::postgresql_admin(url, "VACUUM ANALYZE");
        bench::postgresql_admin(url, "CHECKPOINT");
        const Timing invoices = copy_invoices(url, customers);
        bench::postgresql_admin(url, "CHECKPOINT");
        figures.lines = copy_lines(url, customers);
        figures.baseline = invoices;
        figures.baseline.wall += figures.lines.wall;
        figures.baseline.cpu += figures.lines.cpu;
        bench::postgresql_admin(url, "TRUNCATE invoices CASCADE");
        bench::postgresql_admin(url, "VACUUM ANALYZE invoices");
        bench::postgresql_admin(url, "CHECKPOINT");
    }
    auto summary = generate(url, workdir, figures);
    if (!summary) {
        std::fprintf(stderr, "%s generate_invoices: %s\n", bench::engine_name(engine), summary.error().message().c_str());
        std::exit(2);
    }
    figures.created = summary->created;
    figures.total = summary->total_amount;
    const char* baseline = engine == store::Engine::Sqlite ? "raw prepared INSERTs" : "COPY invoices + lines";
    if (engine == store::Engine::Sqlite && std::getenv("KIMONET_BENCH_RAW_ROWS")) std::printf("  (raw INSERTs of %s rows each)\n", std::getenv("KIMONET_BENCH_RAW_ROWS"));
    std::printf("  %-22s %.2f s cpu, %.2f s wall\n", baseline, figures.baseline.cpu, figures.baseline.wall);
    if (engine == store::Engine::Postgresql)
        std::printf("  %-22s %.2f s wall of it: the invoices %.2f s, their lines %.2f s\n", "", figures.baseline.wall,
                    figures.baseline.wall - figures.lines.wall, figures.lines.wall);
    std::printf("  %-22s %.2f s cpu, %.2f s wall (batches of %d; %lld invoices, Rp %lld)\n", "generate_invoices", figures.generate.cpu,
                figures.generate.wall, figures.batch, figures.created, figures.total);
    return figures;
}

}  // namespace

int main(int argc, char** argv) {
    // PostgreSQL runs 200,000 by default (run and COPY baseline alike): at a million its seeding
    // (trigram indexes), COPY and run take minutes of `make bench`. A given number is for both.
    const long given = argc > 1 ? std::atol(argv[1]) : 0;
    const std::string workdir = bench::run_directory(argc, argv, 2, "billing");
    bool ok = true;
    std::vector<std::pair<store::Engine, Figures>> results;
    for (store::Engine engine : bench::engines_to_run())
        results.emplace_back(engine, run_engine(engine, given > 0 ? given : engine == store::Engine::Sqlite ? 1'000'000 : 200'000, workdir));
    std::filesystem::remove_all(workdir);

    const long rss = peak_rss_megabytes();
    std::printf("invoice run, each engine against its own bulk load of as many invoice rows, same run\n");
    std::printf("  %-11s %9s %-22s %10s %10s %9s %9s  %s\n", "engine", "customers", "baseline", "baseline", "run", "ratio", "budget", "verdict");
    for (const auto& [engine, figures] : results) {
        const bool sqlite = engine == store::Engine::Sqlite;
        // SQLite: process CPU (the work is in this process); PostgreSQL: wall (it is in the server's).
        const double base = sqlite ? figures.baseline.cpu : figures.baseline.wall, run = sqlite ? figures.generate.cpu : figures.generate.wall;
        const double ratio = run / base;
        const bool pass = ratio <= kMaxRatio && figures.created == figures.customers;
        ok = ok && pass;
        std::printf("  %-11s %9ld %-22s %8.2f s %8.2f s %8.2fx %8.1fx  %s\n", bench::engine_name(engine), figures.customers,
                    sqlite ? "INSERTs (cpu)" : "COPY + lines (wall)", base, run, ratio, kMaxRatio, pass ? "PASS" : "FAIL");
    }
    if (results.size() == 2)
        std::printf("  %-34s %.2fx (run), %.2fx (baseline), per customer\n", "PostgreSQL / SQLite, wall", (results[1].second.generate.wall / static_cast<double>(results[1].second.customers)) /
                        (results[0].second.generate.wall / static_cast<double>(results[0].second.customers)),
                    (results[1].second.baseline.wall / static_cast<double>(results[1].second.customers)) /
                        (results[0].second.baseline.wall / static_cast<double>(results[0].second.customers)));
    std::printf("  peak RSS %ld MB (budget %ld MB): %s\n", rss, kMaxRssMegabytes, rss <= kMaxRssMegabytes ? "PASS" : "FAIL");
    ok = ok && rss <= kMaxRssMegabytes;
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
