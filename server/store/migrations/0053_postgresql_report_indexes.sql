-- Nothing on SQLite: migrations/postgresql/0053_postgresql_report_indexes.sql adds two indexes only
-- PostgreSQL's revenue report reads (invoices_paid_day, payments_gateway_report). SQLite folds
-- those rows in C++ and finds each invoice and payment by its rowid, and each index would cost a
-- paid callback a page (bench_payments). The version is kept so both engines record the same ones.
SELECT 1;
