#pragma once
// A small hand-made ledger for the report tests (demo customers removed first). Figures in the
// tests were computed by hand from these rows; see test_reports_api.cpp.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

namespace kimonet::testing {

inline void load_report_fixture(TestServer& server) {
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    // 09:00 WIB on a day = 02:00 UTC; unixepoch of a WIB date-time via SQLite's strftime.
    auto loaded = (*db)->execute(R"SQL(
PRAGMA foreign_keys = OFF;
DELETE FROM customers;
INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES
  (901, 'Rep A', 10000, 10000, 100000, 'rep-a'), (902, 'Rep B', 20000, 20000, 200000, 'rep-b');
INSERT INTO routers(id, name, host, port, username, password_encrypted) VALUES (901, 'Rep Pusat', '127.0.0.1', 8728, 'admin', X'00');
INSERT INTO customers(id, service_number, name, phone, package_id, router_id, status, join_date, updated_at) VALUES
  (1, 'REP001', 'Satu', '6281200000001', 901, 901, 'active', '2025-06-01', '2025-06-01T00:00:00Z'),
  (2, 'REP002', 'Dua', '6281200000002', 901, 901, 'isolated', '2025-12-15', '2026-01-05T00:00:00Z'),
  (3, 'REP003', 'Tiga', '6281200000003', 902, NULL, 'inactive', '2025-05-01', '2025-12-20T03:00:00Z'),
  (4, 'REP004', 'Empat', '6281200000004', 902, 901, 'active', '2026-01-10', '2026-01-10T00:00:00Z');
INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, status, created_at, paid_at) VALUES
  (1, 'R-2512-1', 1, '2025-12', 'monthly', 1, '2025-12-01', '2025-12-10', 100000, 0, 100000, 100000, 'paid', 0, strftime('%s','2025-12-05 03:00:00')),
  (2, 'R-2512-2', 2, '2025-12', 'monthly', 2, '2025-12-15', '2025-12-20', 100000, 0, 100000, 40000, 'partial', 0, NULL),
  (3, 'R-2512-3', 3, '2025-12', 'monthly', 3, '2025-12-01', '2025-12-10', 200000, 0, 200000, 0, 'void', 0, NULL),
  (4, 'R-2601-1', 1, '2026-01', 'monthly', 1, '2026-01-01', '2026-01-10', 110000, 0, 110000, 110000, 'paid', 0, strftime('%s','2026-01-12 03:00:00')),
  (5, 'R-2601-2', 2, '2026-01', 'monthly', 2, '2026-01-01', '2026-01-20', 100000, 0, 100000, 0, 'unpaid', 0, NULL),
  (6, 'R-2509-1', 3, '2025-09', 'monthly', 1, '2025-09-01', '2025-10-10', 200000, 0, 200000, 0, 'unpaid', 0, NULL);
INSERT INTO invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) VALUES
  (4, 1, 'package', 'Rep A', 1, 100000, 100000), (4, 2, 'late_fee', 'Denda', 1, 10000, 10000);
INSERT INTO payments(id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, recorded_by_type, recorded_by_name, created_at) VALUES
  (1, 1, 1, 100000, 100000, 'cash', strftime('%s','2025-12-05 03:00:00'), 'RC-1', 'user', 'finance', 0),
  (2, 2, 2, 50000, 40000, 'bank_transfer', strftime('%s','2025-12-21 03:00:00'), 'RC-2', 'user', 'finance', 0),
  (3, 4, 1, 100000, 100000, 'gateway', strftime('%s','2026-01-12 03:00:00'), 'RC-3', 'system', 'midtrans', 0),
  (4, 4, 1, 10000, 10000, 'credit', strftime('%s','2026-01-12 03:00:00'), 'RC-4', 'system', 'system', 0);
INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, payment_id, created_at, updated_at)
  VALUES ('midtrans', 'ORD-1', 4, 1, 'qris', 100000, 'paid', 0, 3, 0, 0);
INSERT INTO isolation_log(at, customer_id, router_id, action, result, actor_type, actor_name)
  VALUES (strftime('%s','2026-01-05 03:00:00'), 2, 901, 'isolate', 'applied', 'system', 'system');
)SQL");
    BOOST_TEST_REQUIRE(loaded.ok(), (loaded ? "" : loaded.error().message()));
}

}  // namespace kimonet::testing
