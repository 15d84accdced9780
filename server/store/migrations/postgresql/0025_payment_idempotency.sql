-- Payments recorded with an Idempotency-Key (issue 18); the twin of migrations/0025_payment_idempotency.sql.
ALTER TABLE payments ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX payments_idempotency ON payments(recorded_by_type, recorded_by_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
