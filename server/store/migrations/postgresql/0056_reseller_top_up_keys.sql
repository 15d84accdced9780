-- The twin of migrations/0056_reseller_top_up_keys.sql: a top-up may carry the sending user's
-- Idempotency-Key, kept on its ledger row; one key per user names one top-up.
ALTER TABLE reseller_ledger ADD COLUMN created_by_id BIGINT;
ALTER TABLE reseller_ledger ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX reseller_ledger_idempotency ON reseller_ledger(created_by_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
