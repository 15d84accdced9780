-- Cash collection (issue 20): areas, collectors' areas, and the tamper-evident cash ledger.
-- A customer belongs to at most one area; a collector (a user) may work several. Areas are their
-- own tables (not a column of customers) so that nothing else about a customer changes.
CREATE TABLE areas (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80));
CREATE TABLE customer_areas (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES areas(id));
CREATE INDEX customer_areas_area ON customer_areas(area_id);
CREATE TABLE collector_areas (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES areas(id),
  PRIMARY KEY (user_id, area_id));

-- The cash ledger: append-only, one row per cash collection, void, remittance (setoran) and
-- confirmation, chained by hash (docs/cash-collection.md defines the canonical encoding):
-- hash = SHA-256(canonical(row) || prev_hash). seq is the chain position (1, 2, ...); a unique
-- prev_hash means two rows can never follow the same row (no fork), and appends run inside the
-- one-writer transaction. Nothing here is ever updated or deleted by the product.
CREATE TABLE cash_ledger (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('collection', 'void', 'remittance', 'confirmation')),
  collector_id INTEGER NOT NULL,
  actor_id INTEGER NOT NULL,
  business_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  expected_amount INTEGER NOT NULL CHECK (expected_amount >= 0),
  customer_id INTEGER NOT NULL DEFAULT 0,
  invoice_id INTEGER NOT NULL DEFAULT 0,
  payment_id INTEGER NOT NULL DEFAULT 0,
  refers_to INTEGER NOT NULL DEFAULT 0,
  recorded_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT,
  prev_hash TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE);
CREATE INDEX cash_ledger_collector ON cash_ledger(collector_id, kind, seq);
CREATE INDEX cash_ledger_date ON cash_ledger(business_date, collector_id);
-- One ledger row per cash payment; one void per collection; one confirmation per remittance.
CREATE UNIQUE INDEX cash_ledger_payment ON cash_ledger(payment_id) WHERE kind = 'collection';
CREATE UNIQUE INDEX cash_ledger_refers ON cash_ledger(kind, refers_to) WHERE kind IN ('void', 'confirmation');
-- A remittance declared again with the same Idempotency-Key finds the first one.
CREATE UNIQUE INDEX cash_ledger_idempotency ON cash_ledger(actor_id, kind, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The new permissions on databases made before them (new databases get them from the seeded
-- roles; sync_rbac adds the collector role and gives the superadmin every permission at start-up).
INSERT INTO permissions(name) VALUES ('cash.collect') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('cash.confirm') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('cash.areas') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('cash.collect', 'cash.confirm', 'cash.areas')
  WHERE r.name = 'admin'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'cash.confirm'
  WHERE r.name = 'finance'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
