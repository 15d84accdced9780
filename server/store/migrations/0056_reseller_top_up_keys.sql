-- A reseller's top-up puts money on the reseller's balance: sent again (a dropped connection, a
-- second press) it credited twice. Like a voucher sale's, a top-up may carry the sending user's
-- Idempotency-Key, kept on its ledger row; one key per user names one top-up.
ALTER TABLE reseller_ledger ADD COLUMN created_by_id INTEGER;
ALTER TABLE reseller_ledger ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX reseller_ledger_idempotency ON reseller_ledger(created_by_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
