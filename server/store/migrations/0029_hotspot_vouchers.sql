-- Hotspot vouchers (issue 19): hotspot user profiles per package, voucher batches pushed to a
-- router's /ip/hotspot/user, resellers with a balance that selling vouchers to them draws down.
CREATE TABLE hotspot_profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  package_id INTEGER REFERENCES internet_packages(id),
  rate_limit TEXT NOT NULL DEFAULT '',
  time_limit_seconds INTEGER NOT NULL DEFAULT 0 CHECK (time_limit_seconds >= 0),
  quota_bytes INTEGER NOT NULL DEFAULT 0 CHECK (quota_bytes >= 0),
  validity_days INTEGER NOT NULL DEFAULT 0 CHECK (validity_days >= 0),
  shared_users INTEGER NOT NULL DEFAULT 1 CHECK (shared_users >= 1),
  price INTEGER NOT NULL DEFAULT 0 CHECK (price >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- status: queued (waiting for the push), pushing, pushed, failed (the router refused; pushed again on request).
CREATE TABLE voucher_batches (
  id INTEGER PRIMARY KEY,
  router_id INTEGER NOT NULL REFERENCES routers(id),
  profile_id INTEGER NOT NULL REFERENCES hotspot_profiles(id),
  profile_name TEXT NOT NULL,
  voucher_count INTEGER NOT NULL CHECK (voucher_count BETWEEN 1 AND 25000),
  mode TEXT NOT NULL CHECK (mode IN ('voucher','userpass')),
  code_length INTEGER NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  price INTEGER NOT NULL CHECK (price >= 0),
  time_limit_seconds INTEGER NOT NULL DEFAULT 0,
  quota_bytes INTEGER NOT NULL DEFAULT 0,
  validity_days INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','pushing','pushed','failed')),
  pushed_count INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  created_by_name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE resellers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL DEFAULT '',
  commission_type TEXT NOT NULL CHECK (commission_type IN ('percent','fixed')),
  commission_value INTEGER NOT NULL CHECK (commission_value >= 0),
  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

-- One row per sale; a replayed request with the same Idempotency-Key finds the first sale.
CREATE TABLE voucher_sales (
  id INTEGER PRIMARY KEY,
  reseller_id INTEGER NOT NULL REFERENCES resellers(id),
  batch_id INTEGER NOT NULL REFERENCES voucher_batches(id),
  voucher_count INTEGER NOT NULL CHECK (voucher_count >= 1),
  unit_price INTEGER NOT NULL,
  gross_amount INTEGER NOT NULL,
  commission_amount INTEGER NOT NULL,
  net_amount INTEGER NOT NULL CHECK (net_amount >= 0),
  sale_date TEXT NOT NULL,
  sold_at INTEGER NOT NULL,
  sold_by_id INTEGER NOT NULL,
  sold_by_name TEXT NOT NULL,
  idempotency_key TEXT
);
CREATE UNIQUE INDEX voucher_sales_idempotency ON voucher_sales(sold_by_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX voucher_sales_report ON voucher_sales(sale_date, reseller_id);

-- Every change of a reseller's balance: top-ups (positive) and sales (negative).
CREATE TABLE reseller_ledger (
  id INTEGER PRIMARY KEY,
  reseller_id INTEGER NOT NULL REFERENCES resellers(id),
  kind TEXT NOT NULL CHECK (kind IN ('topup','sale')),
  amount INTEGER NOT NULL,
  balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
  sale_id INTEGER REFERENCES voucher_sales(id),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  created_by_name TEXT NOT NULL
);
CREATE INDEX reseller_ledger_reseller ON reseller_ledger(reseller_id, id);

-- One row per voucher. pushed_at is the per-voucher marker of the resumable push; state: available,
-- sold (to a reseller), used_up, expired; removed_at once deleted from the router.
CREATE TABLE vouchers (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES voucher_batches(id),
  username TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'available' CHECK (state IN ('available','sold','used_up','expired')),
  pushed_at INTEGER,
  reseller_id INTEGER REFERENCES resellers(id),
  sale_id INTEGER REFERENCES voucher_sales(id),
  first_used_at INTEGER,
  uptime_seconds INTEGER NOT NULL DEFAULT 0,
  bytes_total INTEGER NOT NULL DEFAULT 0,
  ended_at INTEGER,
  removed_at INTEGER
);
CREATE INDEX vouchers_batch ON vouchers(batch_id, id);

INSERT INTO permissions(name) VALUES ('vouchers.read') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('vouchers.create') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('vouchers.sell') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('vouchers.read', 'vouchers.create', 'vouchers.sell')
  WHERE r.name = 'admin'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('vouchers.read', 'vouchers.sell')
  WHERE r.name = 'finance'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('vouchers.read', 'vouchers.create')
  WHERE r.name = 'technician'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
