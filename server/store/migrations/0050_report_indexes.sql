-- Reports over a million invoices (issue 23, bench_reports: each report within twice a plain
-- COUNT/SUM scan of the same invoices). The reports read these indexes alone (store/report_totals.hpp):
-- the live (not voided) invoices of a range of billing periods with what the revenue and billing
-- reports add up; status is in the columns because SQLite counts a partial index as covering only
-- when every column the query names is in it.
CREATE INDEX invoices_period_billed ON invoices(period, customer_id, total, paid_amount, status) WHERE status <> 'void';
-- The voided ones (a few in a hundred), counted apart.
CREATE INDEX invoices_period_voided ON invoices(period, total, paid_amount, status) WHERE status = 'void';
-- The same for payments: voided_at joins the columns of payments_report.
DROP INDEX payments_report;
CREATE INDEX payments_report ON payments(paid_at, method, amount, applied_amount, voided_at) WHERE voided_at IS NULL;
-- Which gateway took a payment, read for a range of payment ids without visiting the table. Partial:
-- an attempt gets its payment only when paid, so a new attempt writes no entry, and a paid
-- callback one (bench_payments counts the pages a callback writes, issue 23).
CREATE INDEX gateway_transactions_payment ON gateway_transactions(payment_id, gateway) WHERE payment_id IS NOT NULL;
-- Unpaid and partly paid invoices (aging, top debtors) from the index alone: invoices_status_due
-- (status, due_date) with the columns those reports add up.
DROP INDEX invoices_status_due;
CREATE INDEX invoices_status_due ON invoices(status, due_date, customer_id, total, paid_amount);
