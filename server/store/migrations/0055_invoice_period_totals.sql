-- Nothing on SQLite: migrations/postgresql/0055_invoice_period_totals.sql keeps running totals of
-- the invoices per billing period and placement, which only PostgreSQL's reports read. SQLite folds
-- the invoices themselves in C++ within the reports' budget (store/report_invoice_totals.cpp), and
-- there a totals row written by every paid callback would cost it pages (bench_payments). The
-- version is kept so both engines record the same ones.
SELECT 1;
