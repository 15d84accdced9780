#pragma once
// A small hand-made ledger for the report tests (demo customers removed first). Figures in the
// tests were computed by hand from these rows; see test_reports_api.cpp.
#include <boost/test/unit_test.hpp>

#include "store/migrations.hpp"
#include "support/test_server_support.hpp"

namespace kimonet::testing {

// Unix seconds of a UTC date-time "YYYY-MM-DD HH:MM:SS", as SQL text (computed here, so the
// fixture's SQL is the same on both engines).
inline std::string report_fixture_utc(int year, int month, int day, int hour) {
    return std::to_string(unix_from_local(LocalDateTime{{year, month, day}, hour, 0, 0}, UtcOffset{0}));
}

inline void load_report_fixture(TestServer& server) {
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    const bool postgresql = (*db)->engine() == store::Engine::Postgresql;
    // The demo customers go first. SQLite: with foreign keys off for this connection; PostgreSQL has
    // no such switch for a plain user: TRUNCATE … CASCADE also empties the tables that reference
    // customers (the demo has no invoices or payments; the rows below are the whole ledger).
    std::string sql = postgresql ? "TRUNCATE customers CASCADE;" : "PRAGMA foreign_keys = OFF; DELETE FROM customers;";
    // A one-byte blob: X'00' is a bit string on PostgreSQL.
    const std::string blob = postgresql ? "'\\x00'::bytea" : "X'00'";
    // 09:00 WIB on a day = 02:00 UTC.
    sql += R"SQL(
INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES
  (901, 'Rep A', 10000, 10000, 100000, 'rep-a'), (902, 'Rep B', 20000, 20000, 200000, 'rep-b');
INSERT INTO routers(id, name, host, port, username, password_encrypted) VALUES (901, 'Rep Pusat', '127.0.0.1', 8728, 'admin', )SQL" + blob + R"SQL();
INSERT INTO customers(id, service_number, name, phone, package_id, router_id, status, join_date, updated_at) VALUES
  (1, 'REP001', 'Satu', '6281200000001', 901, 901, 'active', '2025-06-01', '2025-06-01T00:00:00Z'),
  (2, 'REP002', 'Dua', '6281200000002', 901, 901, 'isolated', '2025-12-15', '2026-01-05T00:00:00Z'),
  (3, 'REP003', 'Tiga', '6281200000003', 902, NULL, 'inactive', '2025-05-01', '2025-12-20T03:00:00Z'),
  (4, 'REP004', 'Empat', '6281200000004', 902, 901, 'active', '2026-01-10', '2026-01-10T00:00:00Z');
INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, status, created_at, paid_at) VALUES
  (1, 'R-2512-1', 1, '2025-12', 'monthly', 1, '2025-12-01', '2025-12-10', 100000, 0, 100000, 100000, 'paid', 0, )SQL" + report_fixture_utc(2025, 12, 5, 3) + R"SQL(),
  (2, 'R-2512-2', 2, '2025-12', 'monthly', 2, '2025-12-15', '2025-12-20', 100000, 0, 100000, 40000, 'partial', 0, NULL),
  (3, 'R-2512-3', 3, '2025-12', 'monthly', 3, '2025-12-01', '2025-12-10', 200000, 0, 200000, 0, 'void', 0, NULL),
  (4, 'R-2601-1', 1, '2026-01', 'monthly', 1, '2026-01-01', '2026-01-10', 110000, 0, 110000, 110000, 'paid', 0, )SQL" + report_fixture_utc(2026, 1, 12, 3) + R"SQL(),
  (5, 'R-2601-2', 2, '2026-01', 'monthly', 2, '2026-01-01', '2026-01-20', 100000, 0, 100000, 0, 'unpaid', 0, NULL),
  (6, 'R-2509-1', 3, '2025-09', 'monthly', 1, '2025-09-01', '2025-10-10', 200000, 0, 200000, 0, 'unpaid', 0, NULL);
INSERT INTO invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) VALUES
  (4, 1, 'package', 'Rep A', 1, 100000, 100000), (4, 2, 'late_fee', 'Denda', 1, 10000, 10000);
INSERT INTO payments(id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, recorded_by_type, recorded_by_name, created_at) VALUES
  (1, 1, 1, 100000, 100000, 'cash', )SQL" + report_fixture_utc(2025, 12, 5, 3) + R"SQL(, 'RC-1', 'user', 'finance', 0),
  (2, 2, 2, 50000, 40000, 'bank_transfer', )SQL" + report_fixture_utc(2025, 12, 21, 3) + R"SQL(, 'RC-2', 'user', 'finance', 0),
  (3, 4, 1, 100000, 100000, 'gateway', )SQL" + report_fixture_utc(2026, 1, 12, 3) + R"SQL(, 'RC-3', 'system', 'midtrans', 0),
  (4, 4, 1, 10000, 10000, 'credit', )SQL" + report_fixture_utc(2026, 1, 12, 3) + R"SQL(, 'RC-4', 'system', 'system', 0);
INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, payment_id, created_at, updated_at)
  VALUES ('midtrans', 'ORD-1', 4, 1, 'qris', 100000, 'paid', 0, 3, 0, 0);
INSERT INTO isolation_log(at, customer_id, router_id, action, result, actor_type, actor_name)
  VALUES ()SQL" + report_fixture_utc(2026, 1, 5, 3) + R"SQL(, 2, 901, 'isolate', 'applied', 'system', 'system');
)SQL";
    auto loaded = (*db)->execute(sql);
    BOOST_TEST_REQUIRE(loaded.ok(), (loaded ? "" : loaded.error().message()));
    // The rows above carry their own ids: move PostgreSQL's identity sequences past them (no-op on SQLite).
    auto reset = store::reset_identity_sequences(**db);
    BOOST_TEST_REQUIRE(reset.ok(), (reset ? "" : reset.error().message()));
}

}  // namespace kimonet::testing
