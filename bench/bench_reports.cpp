// Benchmark (issues 9, 23): every report over 1,000,000 invoices, the XLSX export of 100,000
// customers and the import of 100,000 CSV rows, on SQLite and on PostgreSQL, each beside a
// baseline on the same engine in the same run:
//   reports  vs a plain COUNT/SUM scan of the same invoices       ≤ 2× it, and ≤ 1 s each
//   export   vs a plain SELECT of the same customer columns       ≤ 5 s
//   import   vs the engine's raw bulk insert of the same customers into a fresh migrated database
//            with its search index (SQLite: a prepared INSERT per row, the FTS5 trigram triggers
//            firing; PostgreSQL: COPY FROM STDIN, the pg_trgm GIN indexes updated)   ≤ 1.2× it, and ≤ 10 s
// SQLite is compared on process CPU time (the machine may be shared); PostgreSQL on wall time, since
// its work is in the server's processes (bench_billing). Scans and reports are timed three times
// each, alternating, and the best of each counts (caches warm alike). Exit 1 when a budget is missed.
//   bench_reports [invoices=1000000] [workdir=/tmp]   (KIMONET_BENCH_ENGINES=sqlite|postgresql runs one engine)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/app.hpp"
#include "services/customer_import_service.hpp"
#include "services/export_service.hpp"
#include "services/report_service.hpp"
#include "bench_database.hpp"
#include "bench_engines.hpp"
#include "bench_reports_seed.hpp"
#include "bench_timing.hpp"

using namespace kimonet;
using bench::check;
using bench::measure;
using bench::Timing;

namespace {

constexpr long kExportCustomers = 100'000, kImportRows = 100'000;
constexpr int kRounds = 3;
constexpr double kReportRatio = 2.0, kReportSeconds = 1.0, kExportSeconds = 5.0, kImportRatio = 1.2, kImportSeconds = 10.0;

// The figure a budget is checked on: process CPU on SQLite, wall time on PostgreSQL.
double counted(store::Engine engine, const Timing& timing) { return engine == store::Engine::Sqlite ? timing.cpu : timing.wall; }

Timing best(const Timing& a, const Timing& b) { return {std::min(a.wall, b.wall), std::min(a.cpu, b.cpu)}; }

std::string import_csv(long rows) {
    std::string csv = "No. Layanan,Nama,Telepon,Paket,Router,Tanggal Daftar,Alamat\r\n";
    csv.reserve(static_cast<std::size_t>(rows) * 80);
    for (long i = 1; i <= rows; ++i)
        csv += "NEW" + std::to_string(i) + ",Pelanggan Baru " + std::to_string(i) + ",0813" + std::to_string(30000000 + i) +
               ",Home 20 Mbps,Cabang,2026-01-02,Jl. Contoh No. " + std::to_string(i) + "\r\n";
    return csv;
}

struct Figures {
    Timing scan, revenue, customers, billing, select, xlsx, raw, import;
    Timing raw_batched;  // SQLite: 100 rows per INSERT, for reference
    Timing revenue_unfolded;  // PostgreSQL: the first revenue report after kUnfoldedChanges invoice changes, for reference
    double raw_server_cpu = 0, import_server_cpu = 0;  // PostgreSQL: its server process's CPU, for reference
    std::int64_t imported = 0;
};

// PostgreSQL: the CPU time the server process of this connection has used so far (utime + stime in
// /proc/<pid>/stat; the benchmark's server runs on this machine). Printed beside the wall times of
// the import, which on a shared machine swing far more than the work does (no budget on it).
double server_cpu_seconds(store::Database& db) {
    auto statement = db.prepare("SELECT pg_backend_pid()");
    if (!statement || !statement->step().value_or(false)) return 0;
    const std::int64_t pid = statement->column_int(0);
    statement->reset();
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    const std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const auto name_end = stat.rfind(')');  // the fields after the command name, from the 3rd (state)
    if (name_end == std::string::npos) return 0;
    std::istringstream fields(stat.substr(name_end + 1));
    std::string field;
    double ticks = 0;
    for (int number = 3; number <= 15 && fields >> field; ++number)
        if (number == 14 || number == 15) ticks += std::stod(field);
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

void require(bool ok, const char* what) { check(ok ? Result<void>{} : make_error(ErrorCode::Internal, what), what); }

// Scan and reports alternate, round by round; the best of each counts.
void time_reports(app::Context& context, Figures& figures) {
    const reports::MonthRange range{{2025, 4}, {2026, 1}};
    const Timing never{1e9, 1e9};
    figures.scan = figures.revenue = figures.customers = figures.billing = never;
    for (int round = 0; round < kRounds; ++round) {
        figures.scan = best(figures.scan, measure([&] {
            auto statement = context.db.prepare("SELECT COUNT(*), SUM(total), SUM(paid_amount) FROM invoices WHERE period BETWEEN ?1 AND ?2");
            require(statement.ok(), "scan");
            statement->bind(1, "2025-04").bind(2, "2026-01");
            require(statement->step().value_or(false) && statement->column_int(0) > 0, "scan");
            statement->reset();
        }));
        figures.revenue = best(figures.revenue, measure([&] { require(services::revenue_report(context, range).ok(), "revenue report"); }));
        figures.customers = best(figures.customers, measure([&] { require(services::customer_report(context, range).ok(), "customers report"); }));
        figures.billing = best(figures.billing, measure([&] { require(services::billing_report(context, range).ok(), "billing report"); }));
    }
}

// PostgreSQL keeps the invoice totals as a log its triggers append to (migration 0055), which the
// report_totals job folds every 10 minutes: the reports above read a folded log. This is a report
// while 100,000 invoice changes are waiting for the next fold (each change one log row, as many
// as 100,000 payments in 10 minutes would leave), which reads them all. For reference.
constexpr long kUnfoldedChanges = 100'000;

void time_unfolded_report(app::Context& context, Figures& figures) {
    const reports::MonthRange range{{2025, 4}, {2026, 1}};
    // Half of them up by one rupiah, the same half back down: the figures end as they were.
    const std::string half = std::to_string(kUnfoldedChanges / 2);
    check(context.db.execute("UPDATE invoices SET paid_amount = paid_amount + 1 WHERE id <= " + half), "changes");
    check(context.db.execute("UPDATE invoices SET paid_amount = paid_amount - 1 WHERE id <= " + half), "changes");
    figures.revenue_unfolded = measure([&] { require(services::revenue_report(context, range).ok(), "revenue report"); });
}

void time_export(app::Context& context, Figures& figures) {
    check(context.db.execute("DELETE FROM customers WHERE id > " + std::to_string(kExportCustomers) +
                             " AND id NOT IN (SELECT customer_id FROM invoices)"),
          "trim");
    figures.select = measure([&] {
        auto statement = context.db.prepare(
            "SELECT c.service_number, c.name, c.phone, c.email, c.address, p.name, p.price, COALESCE(r.name, ''), c.status, c.join_date, "
            "c.pppoe_username, c.due_day FROM customers c JOIN internet_packages p ON p.id = c.package_id "
            "LEFT JOIN routers r ON r.id = c.router_id ORDER BY c.service_number");
        require(statement.ok(), "select");
        std::size_t bytes = 0;
        while (statement->step().value_or(false)) bytes += statement->column_text_view(1).size();
        require(bytes > 0, "select");
    });
    figures.xlsx = measure([&] {
        auto file = services::export_file(context, "customers", spreadsheets::ExportFormat::Xlsx);
        if (!file) std::fprintf(stderr, "export: %s\n", file.error().message().c_str()), std::exit(2);
    });
}

// The baseline of the import: the same customers by the engine's raw bulk path into a fresh
// migrated database (the customer search index maintained, as the import's is). SQLite: prepared
// INSERTs of `rows_per_insert` rows each (1: the budget's baseline, as since issue 9; 100: its
// fastest path, printed for reference, see bench/README.md); PostgreSQL: COPY FROM STDIN.
Timing raw_insert(store::Engine engine, const std::string& workdir, long rows_per_insert = 1, double* server_cpu = nullptr) {
    auto db = app::open_migrated_database(bench::fresh_database_url(engine, workdir, "bench_reports_raw"));
    if (!db) std::fprintf(stderr, "raw database: %s\n", db.error().message().c_str()), std::exit(2);
    check((*db)->execute("INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
                         "(2, 'Home 20 Mbps', 20000, 10000, 200000, '20M')"),
          "raw package");
    // The import's rows name the router "Cabang", so each carries its router_id and the foreign key
    // to routers is checked per row; the same rows here carry it too (until session 17 they had
    // none, and that check alone was ~11 % of the COPY's server CPU on PostgreSQL).
    check([&]() -> Result<void> {
        auto router = TRY((*db)->prepare("INSERT INTO routers(id, name, host, port, username, password_encrypted) VALUES (2, 'Cabang', '10.0.0.2', 8728, 'api', ?)"));
        router.bind_blob(1, std::string(1, '\0'));
        return router.run();
    }(),
          "raw router");
    const double server_cpu_before = server_cpu ? server_cpu_seconds(**db) : 0;
    const Timing timing = measure([&] {
        check((*db)->transaction([&]() -> Result<void> {
            if (engine == store::Engine::Postgresql) {
                std::string rows;
                for (long i = 1; i <= kImportRows; ++i)
                    rows += "NEW" + std::to_string(i) + "\tPelanggan Baru " + std::to_string(i) + "\t62813" + std::to_string(30000000 + i) +
                            "\tJl. Contoh No. " + std::to_string(i) + "\t2\t2\tactive\t2026-01-02\n";
                return (*db)->copy_in("customers(service_number, name, phone, address, package_id, router_id, status, join_date)", rows);
            }
            std::string sql = "INSERT INTO customers(service_number, name, phone, address, package_id, router_id, status, join_date) VALUES ";
            for (long row = 0; row < rows_per_insert; ++row) sql += row == 0 ? "(?, ?, ?, ?, 2, 2, 'active', '2026-01-02')" : ", (?, ?, ?, ?, 2, 2, 'active', '2026-01-02')";
            auto insert = TRY((*db)->prepare(sql));
            for (long i = 1; i + rows_per_insert - 1 <= kImportRows; i += rows_per_insert) {
                insert.reset();
                for (long row = 0; row < rows_per_insert; ++row) {
                    const long n = i + row;
                    const int first = static_cast<int>(row) * 4 + 1;
                    insert.bind(first, "NEW" + std::to_string(n)).bind(first + 1, "Pelanggan Baru " + std::to_string(n));
                    insert.bind(first + 2, "62813" + std::to_string(30000000 + n)).bind(first + 3, "Jl. Contoh No. " + std::to_string(n));
                }
                TRY_VOID(insert.run());
            }
            return {};
        }),
              "raw insert");
    });
    if (server_cpu) *server_cpu = server_cpu_seconds(**db) - server_cpu_before;
    return timing;
}

Figures run_engine(store::Engine engine, long invoices, const std::string& workdir) {
    const long customers = std::max(1000L, invoices / 10);
    Figures figures;
    const std::string url = bench::fresh_database_url(engine, workdir, "bench_reports");
    app::Config config;
    config.db_path = url;
    config.secret_key_file = workdir + "/secret.key";
    auto clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 1, 20}, 9, 0, 0}, UtcOffset{420}));
    auto app = app::App::open(config, clock);
    if (!app) std::fprintf(stderr, "%s\n", app.error().message().c_str()), std::exit(2);
    auto lease = (*app)->database();
    if (!lease) std::fprintf(stderr, "%s\n", lease.error().message().c_str()), std::exit(2);
    app::Context context = (*app)->context(**lease, app::Actor{"system", 0, "bench", ""});
    std::printf("%s: seeding %ld customers, %ld invoices with payments...\n", bench::engine_name(engine), customers, invoices);
    std::fflush(stdout);
    bench::seed_report_data(context.db, customers, invoices);
    if (engine == store::Engine::Postgresql) {
        bench::postgresql_admin(url, "VACUUM ANALYZE");
        bench::postgresql_admin(url, "CHECKPOINT");
    }
    time_reports(context, figures);
    if (engine == store::Engine::Postgresql) time_unfolded_report(context, figures);
    time_export(context, figures);

    const std::string csv = import_csv(kImportRows);
    const bool postgresql = engine == store::Engine::Postgresql;
    figures.raw = raw_insert(engine, workdir, 1, postgresql ? &figures.raw_server_cpu : nullptr);
    if (engine == store::Engine::Sqlite) figures.raw_batched = raw_insert(engine, workdir, 100);
    if (engine == store::Engine::Postgresql) bench::postgresql_admin(url, "CHECKPOINT");
    const double server_cpu_before = postgresql ? server_cpu_seconds(context.db) : 0;
    figures.import = measure([&] {
        auto result = services::import_customers(context, csv, false);
        if (!result) std::fprintf(stderr, "import: %s\n", result.error().message().c_str()), std::exit(2);
        if (!result->errors.empty()) std::fprintf(stderr, "import rejected %zu rows\n", result->errors.size()), std::exit(2);
        figures.imported = result->imported;
    });
    if (postgresql) figures.import_server_cpu = server_cpu_seconds(context.db) - server_cpu_before;
    return figures;
}

int g_failures = 0;

// One line per engine: value, baseline, ratio, and the verdict on both budgets.
void verdict(store::Engine engine, const Timing& value, const Timing& baseline, double max_ratio, double max_seconds) {
    const double run = counted(engine, value), base = counted(engine, baseline), ratio = base > 0 ? run / base : 0;
    const bool ok = (max_ratio <= 0 || ratio <= max_ratio) && run <= max_seconds;
    if (!ok) ++g_failures;
    char ratio_budget[16] = "-";
    if (max_ratio > 0) std::snprintf(ratio_budget, sizeof ratio_budget, "%.1fx", max_ratio);
    std::printf("    %-11s %8.3f s %-4s  baseline %8.3f s  ratio %5.2fx (budget %s, %.0f s)  %s\n", bench::engine_name(engine), run,
                engine == store::Engine::Sqlite ? "cpu" : "wall", base, ratio, ratio_budget, max_seconds, ok ? "PASS" : "FAIL");
}

}  // namespace

int main(int argc, char** argv) {
    const long invoices = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const std::string workdir = bench::run_directory(argc, argv, 2, "reports");
    std::vector<std::pair<store::Engine, Figures>> results;
    for (store::Engine engine : bench::engines_to_run()) results.emplace_back(engine, run_engine(engine, invoices, workdir));
    std::filesystem::remove_all(workdir);

    const auto section = [&](const char* title, Timing Figures::*value, Timing Figures::*baseline, double ratio, double seconds) {
        std::printf("  %s\n", title);
        for (const auto& [engine, figures] : results) verdict(engine, figures.*value, figures.*baseline, ratio, seconds);
    };
    std::printf("reports over %ld invoices vs a COUNT/SUM scan of them, best of %d (SQLite cpu, PostgreSQL wall)\n", invoices, kRounds);
    section("revenue report", &Figures::revenue, &Figures::scan, kReportRatio, kReportSeconds);
    for (const auto& [engine, figures] : results)
        if (engine == store::Engine::Postgresql)
            std::printf("    for reference, PostgreSQL's revenue report with %ld invoice changes not yet folded: %.3f s wall (%.2fx the scan)\n",
                        kUnfoldedChanges, figures.revenue_unfolded.wall, figures.revenue_unfolded.wall / figures.scan.wall);
    section("customers report", &Figures::customers, &Figures::scan, kReportRatio, kReportSeconds);
    section("billing report", &Figures::billing, &Figures::scan, kReportRatio, kReportSeconds);
    section("XLSX export of customers vs a plain SELECT", &Figures::xlsx, &Figures::select, 0, kExportSeconds);
    section("import of 100,000 CSV rows vs the raw bulk insert with the search index", &Figures::import, &Figures::raw, kImportRatio, kImportSeconds);
    for (const auto& [engine, figures] : results)
        if (engine == store::Engine::Sqlite)
            std::printf("    for reference, SQLite's raw insert of 100 rows per INSERT: %.3f s cpu (import %.2fx it)\n", figures.raw_batched.cpu,
                        figures.import.cpu / figures.raw_batched.cpu);
    for (const auto& [engine, figures] : results)
        if (engine == store::Engine::Postgresql && figures.raw_server_cpu > 0)
            std::printf("    for reference, PostgreSQL's server process CPU: import %.2f s, raw COPY %.2f s (%.2fx); the import's own CPU %.2f s\n",
                        figures.import_server_cpu, figures.raw_server_cpu, figures.import_server_cpu / figures.raw_server_cpu, figures.import.cpu);
    for (const auto& [engine, figures] : results)
        if (figures.imported != kImportRows) ++g_failures, std::printf("  %s imported %lld rows, not %ld: FAIL\n", bench::engine_name(engine), static_cast<long long>(figures.imported), kImportRows);
    std::printf("%s\n", g_failures == 0 ? "PASS" : "FAIL");
    return g_failures == 0 ? 0 : 1;
}
