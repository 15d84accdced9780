-- Reports over a million invoices (issue 23) (the twin of migrations/0050_report_indexes.sql). On
-- PostgreSQL the reports group in SQL (hash aggregate); the indexes keep the names of SQLite's, and
-- let an index-only scan serve the live invoices of a few billing periods.
CREATE INDEX invoices_period_billed ON invoices(period) INCLUDE (customer_id, total, paid_amount) WHERE status <> 'void';
CREATE INDEX gateway_transactions_payment ON gateway_transactions(payment_id) INCLUDE (gateway);
