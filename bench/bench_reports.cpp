// Benchmark (issue 9): every report over 1,000,000 invoices, the XLSX export of 100,000
// customers and the import of 100,000 rows, each beside a same-run baseline:
//   reports  vs a plain SQLite scan (COUNT/SUM) of the same invoices   budget ≤ 1 s each
//   export   vs a plain SELECT of the same customer columns            budget ≤ 5 s
//   import   vs a raw prepared bulk INSERT of 100,000 customers         budget ≤ 10 s
// Budgets are checked on process CPU time (the machine may be shared); wall time is printed too.
// Exit 1 when a budget is missed.   bench_reports [invoices=1000000] [workdir=/tmp]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

#include "app/app.hpp"
#include "services/customer_import_service.hpp"
#include "services/export_service.hpp"
#include "services/report_service.hpp"
#include "bench_timing.hpp"
#include "bench_database.hpp"

using namespace kimonet;
using bench::check;
using bench::measure;
using bench::Stopwatch;
using bench::Timing;

namespace {

int g_failures = 0;

void report_line(const char* what, Timing value, Timing baseline, double budget_seconds) {
    const bool ok = value.cpu <= budget_seconds;
    if (!ok) ++g_failures;
    std::printf("%-34s %7.3f s cpu (%7.3f s wall)  baseline %7.3f s cpu  ratio %5.1fx  budget %4.1f s  %s\n", what, value.cpu, value.wall,
                baseline.cpu, baseline.cpu > 0 ? value.cpu / baseline.cpu : 0.0, budget_seconds, ok ? "ok" : "OVER BUDGET");
    std::fflush(stdout);
}

// 4 packages, 2 routers, `customers` customers and `invoices` invoices over 10 months with
// payments (some by gateway), partial payments, voids and late fees. Not timed.
void seed(store::Database& db, long customers, long invoices) {
    const long months = std::max(1L, invoices / customers);
    check(db.execute("INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
                     "(1, 'Home 10 Mbps', 10000, 5000, 150000, '10M'), (2, 'Home 20 Mbps', 20000, 10000, 200000, '20M'), "
                     "(3, 'Home 30 Mbps', 30000, 15000, 300000, '30M'), (4, 'Bisnis 50 Mbps', 50000, 50000, 750000, 'B50');"
                     "INSERT INTO routers(id, name, host, port, username, password_encrypted) VALUES "
                     "(1, 'Pusat', '10.0.0.1', 8728, 'api', X'00'), (2, 'Cabang', '10.0.0.2', 8728, 'api', X'00');"),
          "packages");
    check(db.transaction([&]() -> Result<void> {
        TRY_VOID(db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(customers) +
                            ") INSERT INTO customers(id, service_number, name, phone, package_id, router_id, status, join_date) "
                            "SELECT i, 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 4, 1 + i % 2, "
                            "CASE WHEN i % 50 = 0 THEN 'isolated' WHEN i % 97 = 0 THEN 'inactive' ELSE 'active' END, "
                            "'2024-' || printf('%02d', 1 + i % 12) || '-01' FROM n"));
        // Invoice i: customer 1 + i % customers, month i / customers (from 2025-04).
        TRY_VOID(db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(customers * months - 1) +
            "), m AS (SELECT i, 1 + i % " + std::to_string(customers) + " AS customer, i / " + std::to_string(customers) +
            " AS month FROM n), p AS (SELECT i, customer, month, "
            "printf('%04d-%02d', 2025 + (3 + month) / 12, 1 + (3 + month) % 12) AS period, 150000 + (customer % 4) * 50000 AS total, "
            "CASE WHEN i % 50 = 0 THEN 'void' WHEN i % 10 = 1 THEN 'unpaid' WHEN i % 10 = 2 THEN 'partial' ELSE 'paid' END AS status FROM m) "
            "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
            "paid_amount, status, created_at, paid_at) SELECT i + 1, 'INV-' || i, customer, period, 'monthly', customer, period || '-01', "
            "period || '-10', total, 0, total, CASE status WHEN 'paid' THEN total WHEN 'partial' THEN total / 2 ELSE 0 END, status, 0, "
            "CASE WHEN status = 'paid' THEN CAST(strftime('%s', period || '-05') AS INTEGER) + (i % 20) * 86400 END FROM p"));
        TRY_VOID(db.execute(
            "INSERT INTO payments(id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, recorded_by_type, "
            "recorded_by_name, created_at) SELECT id, id, customer_id, paid_amount, paid_amount, "
            "CASE id % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'bank_transfer' WHEN 2 THEN 'gateway' ELSE 'credit' END, "
            "IFNULL(paid_at, CAST(strftime('%s', period || '-12') AS INTEGER)), 'R-' || id, 'user', 'bench', 0 "
            "FROM invoices WHERE paid_amount > 0"));
        TRY_VOID(db.execute(
            "INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, payment_id, "
            "created_at, updated_at) SELECT CASE id % 3 WHEN 0 THEN 'flip' WHEN 1 THEN 'midtrans' ELSE 'duitku' END, 'O-' || id, "
            "invoice_id, customer_id, 'qris', amount, 'paid', 0, id, 0, 0 FROM payments WHERE method = 'gateway'"));
        TRY_VOID(db.execute("INSERT INTO invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) "
                            "SELECT id, 2, 'late_fee', 'Denda', 1, 10000, 10000 FROM invoices WHERE id % 20 = 7"));
        return {};
    }),
          "seed");
    check(db.execute("ANALYZE"), "analyze");
}

std::string import_csv(long rows) {
    std::string csv = "No. Layanan,Nama,Telepon,Paket,Router,Tanggal Daftar,Alamat\r\n";
    csv.reserve(static_cast<std::size_t>(rows) * 80);
    for (long i = 1; i <= rows; ++i)
        csv += "NEW" + std::to_string(i) + ",Pelanggan Baru " + std::to_string(i) + ",0813" + std::to_string(30000000 + i) +
               ",Home 20 Mbps,Cabang,2026-01-02,Jl. Contoh No. " + std::to_string(i) + "\r\n";
    return csv;
}

}  // namespace

int main(int argc, char** argv) {
    const long invoices = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const long customers = std::max(1000L, invoices / 10);
    constexpr long kExportCustomers = 100'000, kImportRows = 100'000;
    const std::string workdir = (argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string()) + "/kimonet-bench-reports-" +
                                std::to_string(::getpid());
    std::filesystem::create_directories(workdir);

    app::Config config;
    config.db_path = workdir + "/reports.db";
    config.secret_key_file = workdir + "/secret.key";
    auto clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 1, 20}, 9, 0, 0}, UtcOffset{420}));
    auto app = app::App::open(config, clock);
    if (!app) return std::fprintf(stderr, "%s\n", app.error().message().c_str()), 2;
    auto lease = (*app)->database();
    if (!lease) return std::fprintf(stderr, "%s\n", lease.error().message().c_str()), 2;
    app::Context context = (*app)->context(**lease, app::Actor{"system", 0, "bench", ""});
    std::printf("seeding %ld customers, %ld invoices with payments...\n", customers, invoices);
    std::fflush(stdout);
    seed(context.db, customers, invoices);
    const reports::MonthRange range{{2025, 4}, {2026, 1}};

    // Baseline for the reports: one plain pass over the same invoices.
    const Timing scan = measure([&] {
        auto statement = context.db.prepare("SELECT COUNT(*), SUM(total), SUM(paid_amount) FROM invoices WHERE period BETWEEN ?1 AND ?2");
        statement->bind(1, "2025-04").bind(2, "2026-01");
        check(statement->step().ok() ? Result<void>{} : make_error(ErrorCode::Internal, "scan"), "scan");
    });
    Result<void> outcome;
    const Timing revenue = measure([&] { outcome = services::revenue_report(context, range).ok() ? Result<void>{} : make_error(ErrorCode::Internal, "revenue"); });
    check(outcome, "revenue report");
    const Timing customer = measure([&] { outcome = services::customer_report(context, range).ok() ? Result<void>{} : make_error(ErrorCode::Internal, "customers"); });
    check(outcome, "customers report");
    const Timing billing = measure([&] { outcome = services::billing_report(context, range).ok() ? Result<void>{} : make_error(ErrorCode::Internal, "billing"); });
    check(outcome, "billing report");
    report_line("revenue report (1M invoices)", revenue, scan, 1.0);
    report_line("customers report", customer, scan, 1.0);
    report_line("billing report (1M invoices)", billing, scan, 1.0);

    // Export: 100,000 customers (the first export-sized slice of the seeded ones).
    check(context.db.execute("DELETE FROM customers WHERE id > " + std::to_string(kExportCustomers) +
                             " AND id NOT IN (SELECT customer_id FROM invoices)"),
          "trim");
    const std::string count = [&] {
        auto statement = context.db.prepare("SELECT COUNT(*) FROM customers");
        (void)statement->step();
        return std::to_string(statement->column_int(0));
    }();
    const Timing select = measure([&] {
        auto statement = context.db.prepare(
            "SELECT c.service_number, c.name, c.phone, c.email, c.address, p.name, p.price, IFNULL(r.name, ''), c.status, c.join_date, "
            "c.pppoe_username, c.due_day FROM customers c JOIN internet_packages p ON p.id = c.package_id "
            "LEFT JOIN routers r ON r.id = c.router_id ORDER BY c.service_number");
        std::size_t bytes = 0;
        while (statement->step().value()) bytes += statement->column_text(1).size();
        if (bytes == 0) std::exit(2);
    });
    std::size_t xlsx_size = 0;
    const Timing xlsx = measure([&] {
        auto file = services::export_file(context, "customers", spreadsheets::ExportFormat::Xlsx);
        if (!file) return std::fprintf(stderr, "%s\n", file.error().message().c_str()), std::exit(2);
        xlsx_size = file->bytes.size();
    });
    std::printf("customers: %s, xlsx %.1f MB\n", count.c_str(), static_cast<double>(xlsx_size) / 1e6);
    report_line("XLSX export of customers", xlsx, select, 5.0);

    // Import: 100,000 new rows vs a raw prepared INSERT of as many rows into a fresh database.
    const std::string csv = import_csv(kImportRows);
    Timing raw;
    {
        auto db = app::open_migrated_database(workdir + "/raw.db");
        if (!db) return std::fprintf(stderr, "%s\n", db.error().message().c_str()), 2;
        check((*db)->execute("INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
                             "(2, 'Home 20 Mbps', 20000, 10000, 200000, '20M')"),
              "raw package");
        raw = measure([&] {
            check((*db)->transaction([&]() -> Result<void> {
                auto insert = TRY((*db)->prepare("INSERT INTO customers(service_number, name, phone, address, package_id, status, join_date) "
                                                 "VALUES (?, ?, ?, ?, 2, 'active', '2026-01-02')"));
                for (long i = 1; i <= kImportRows; ++i) {
                    insert.reset();
                    insert.bind(1, "NEW" + std::to_string(i)).bind(2, "Pelanggan Baru " + std::to_string(i));
                    insert.bind(3, "62813" + std::to_string(30000000 + i)).bind(4, "Jl. Contoh No. " + std::to_string(i));
                    TRY_VOID(insert.run());
                }
                return {};
            }),
                  "raw insert");
        });
    }
    std::int64_t imported = 0;
    const Timing import = measure([&] {
        auto result = services::import_customers(context, csv, false);
        if (!result) return std::fprintf(stderr, "%s\n", result.error().message().c_str()), std::exit(2);
        if (!result->errors.empty()) return std::fprintf(stderr, "import rejected %zu rows\n", result->errors.size()), std::exit(2);
        imported = result->imported;
    });
    std::printf("imported %lld rows\n", static_cast<long long>(imported));
    report_line("import of 100,000 CSV rows", import, raw, 10.0);

    std::filesystem::remove_all(workdir);
    return g_failures == 0 ? 0 : 1;
}
