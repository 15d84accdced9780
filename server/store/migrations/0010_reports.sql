-- Reports (issue 9): indexes that let the report queries read ranges instead of whole tables.
-- Payments by local day and method, read without touching the table rows.
CREATE INDEX payments_report ON payments(paid_at, method, amount, applied_amount);
-- Late-fee lines are rare; a partial index finds them without scanning every line.
CREATE INDEX invoice_lines_late_fee ON invoice_lines(invoice_id, amount) WHERE kind = 'late_fee';
-- Isolations per month.
CREATE INDEX isolation_log_isolate_at ON isolation_log(at, customer_id) WHERE action = 'isolate';
