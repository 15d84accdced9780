-- Payments recorded with an Idempotency-Key (issue 18): a retry of the same request (an answer lost
-- on a phone line, a script run twice) finds the first payment instead of recording a second. Keys
-- belong to the user who records; the unique index is the guarantee, in the payment's own transaction.
ALTER TABLE payments ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX payments_idempotency ON payments(recorded_by_type, recorded_by_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
