-- Reports over a million invoices (issue 23) (the twin of migrations/0050_report_indexes.sql). On
-- PostgreSQL the reports group in SQL (hash aggregate); the indexes keep the names of SQLite's, and
-- let an index-only scan serve the live invoices of a few billing periods.
CREATE INDEX invoices_period_billed ON invoices(period) INCLUDE (customer_id, total, paid_amount) WHERE status <> 'void';
CREATE INDEX invoices_period_voided ON invoices(period) INCLUDE (total, paid_amount) WHERE status = 'void';
CREATE INDEX gateway_transactions_payment ON gateway_transactions(payment_id) INCLUDE (gateway) WHERE payment_id IS NOT NULL;
-- Unpaid and partly paid invoices (aging, top debtors) by an index-only scan.
DROP INDEX invoices_status_due;
CREATE INDEX invoices_status_due ON invoices(status, due_date) INCLUDE (customer_id, total, paid_amount);
