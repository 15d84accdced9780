-- The revenue report on PostgreSQL (issue 23, bench_reports; store/report_totals.hpp). PostgreSQL
-- only: SQLite folds these rows in C++ and finds an invoice or a payment by its rowid
-- (store/report_store.cpp, report_payment_totals.cpp), and on SQLite each index would cost a paid
-- callback a page (bench_payments). migrations/0053_postgresql_report_indexes.sql is the empty twin;
-- test_schema_agreement lists these two names as PostgreSQL's own.
--
-- The day a paid invoice became paid, by its id: the collected late fees look up the invoice of each
-- late-fee line here (an index-only lookup each) rather than hash-joining the lines to a scan of
-- every invoice (bench_reports, 1,000,000 invoices: 0.45 s → 0.12 s at load 10).
CREATE INDEX invoices_paid_day ON invoices(id) INCLUDE (paid_at) WHERE status = 'paid';
-- Live gateway payments by id with what the gateway totals add up: merged in id order with
-- gateway_transactions_payment (payment_id, gateway), both read without visiting a table.
CREATE INDEX payments_gateway_report ON payments(id) INCLUDE (paid_at, applied_amount) WHERE method = 'gateway' AND voided_at IS NULL;
