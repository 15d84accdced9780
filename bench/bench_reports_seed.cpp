#include "bench_reports_seed.hpp"

#include <algorithm>
#include <string>

#include "bench_database.hpp"

namespace kimonet::bench {

namespace {

const char* const kPackagesAndRouters =
    "INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
    "(1, 'Home 10 Mbps', 10000, 5000, 150000, '10M'), (2, 'Home 20 Mbps', 20000, 10000, 200000, '20M'), "
    "(3, 'Home 30 Mbps', 30000, 15000, 300000, '30M'), (4, 'Bisnis 50 Mbps', 50000, 50000, 750000, 'B50');"
    "INSERT INTO routers(id, name, host, port, username, password_encrypted) VALUES "
    "(1, 'Pusat', '10.0.0.1', 8728, 'api', X'00'), (2, 'Cabang', '10.0.0.2', 8728, 'api', X'00');";

// Customer i: package 1 + i % 4, router 1 + i % 2, every 50th isolated, every 97th inactive.
std::string customers_sql(store::Engine engine, long customers) {
    const std::string count = std::to_string(customers);
    const std::string columns = "INSERT INTO customers(id, service_number, name, phone, package_id, router_id, status, join_date) ";
    const std::string status = "CASE WHEN i % 50 = 0 THEN 'isolated' WHEN i % 97 = 0 THEN 'inactive' ELSE 'active' END";
    if (engine == store::Engine::Sqlite)
        return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + count + ") " + columns +
               "SELECT i, 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 4, 1 + i % 2, " + status +
               ", '2024-' || printf('%02d', 1 + i % 12) || '-01' FROM n";
    return columns + "SELECT i, 'C' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 4, 1 + i % 2, " + status +
           ", '2024-' || lpad((1 + i % 12)::text, 2, '0') || '-01' FROM generate_series(1, " + count + ") i";
}

// Invoice i: customer 1 + i % customers, month i / customers from 2025-04; every 50th void, every
// tenth (from 1) unpaid, every tenth (from 2) half paid, the rest paid between the 5th and the 24th.
std::string invoices_sql(store::Engine engine, long customers, long months) {
    const std::string last = std::to_string(customers * months - 1), count = std::to_string(customers);
    const std::string numbered = "SELECT i, 1 + i % " + count + " AS customer, i / " + count + " AS month FROM ";
    const std::string status = "CASE WHEN i % 50 = 0 THEN 'void' WHEN i % 10 = 1 THEN 'unpaid' WHEN i % 10 = 2 THEN 'partial' ELSE 'paid' END AS status";
    const bool sqlite = engine == store::Engine::Sqlite;
    const std::string period = sqlite ? "printf('%04d-%02d', 2025 + (3 + month) / 12, 1 + (3 + month) % 12)"
                                      : "to_char(date '2025-04-01' + make_interval(months => month::int), 'YYYY-MM')";
    const std::string fifth = sqlite ? "CAST(strftime('%s', period || '-05') AS INTEGER)" : "extract(epoch FROM (period || '-05')::date)::bigint";
    return std::string(sqlite ? "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + last + "), m AS (" + numbered + "n), "
                              : "WITH m AS (" + numbered + "generate_series(0, " + last + ") i), ") +
           "p AS (SELECT i, customer, month, " + period + " AS period, 150000 + (customer % 4) * 50000 AS total, " + status + " FROM m) "
           "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
           "paid_amount, status, created_at, paid_at) SELECT i + 1, 'INV-' || i, customer, period, 'monthly', customer, period || '-01', "
           "period || '-10', total, 0, total, CASE status WHEN 'paid' THEN total WHEN 'partial' THEN total / 2 ELSE 0 END, status, 0, "
           "CASE WHEN status = 'paid' THEN " + fifth + " + (i % 20) * 86400 END FROM p";
}

std::string payments_sql(store::Engine engine) {
    const std::string twelfth = engine == store::Engine::Sqlite ? "CAST(strftime('%s', period || '-12') AS INTEGER)"
                                                                : "extract(epoch FROM (period || '-12')::date)::bigint";
    return "INSERT INTO payments(id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, recorded_by_type, "
           "recorded_by_name, created_at) SELECT id, id, customer_id, paid_amount, paid_amount, "
           "CASE id % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'bank_transfer' WHEN 2 THEN 'gateway' ELSE 'credit' END, "
           "COALESCE(paid_at, " + twelfth + "), 'R-' || id, 'user', 'bench', 0 FROM invoices WHERE paid_amount > 0";
}

}  // namespace

void seed_report_data(store::Database& db, long customers, long invoices) {
    const long months = std::max(1L, invoices / customers);
    const store::Engine engine = db.engine();
    std::string packages = kPackagesAndRouters;
    if (engine == store::Engine::Postgresql)  // bytea's hex form rather than SQLite's blob literal
        for (std::size_t at = packages.find("X'00'"); at != std::string::npos; at = packages.find("X'00'")) packages.replace(at, 5, "'\\x00'");
    check(db.execute(packages), "packages");
    check(db.transaction([&]() -> Result<void> {
        TRY_VOID(db.execute(customers_sql(engine, customers)));
        TRY_VOID(db.execute(invoices_sql(engine, customers, months)));
        TRY_VOID(db.execute(payments_sql(engine)));
        TRY_VOID(db.execute(
            "INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, payment_id, "
            "created_at, updated_at) SELECT CASE id % 3 WHEN 0 THEN 'flip' WHEN 1 THEN 'midtrans' ELSE 'duitku' END, 'O-' || id, "
            "invoice_id, customer_id, 'qris', amount, 'paid', 0, id, 0, 0 FROM payments WHERE method = 'gateway'"));
        TRY_VOID(db.execute("INSERT INTO invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) "
                            "SELECT id, 2, 'late_fee', 'Denda', 1, 10000, 10000 FROM invoices WHERE id % 20 = 7"));
        if (engine == store::Engine::Postgresql)
            for (const char* table : {"customers", "invoices", "payments"})
                TRY_VOID(db.execute(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))"));
        return {};
    }),
          "seed");
    check(db.execute("ANALYZE"), "analyze");
}

}  // namespace kimonet::bench
