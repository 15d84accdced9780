-- Billing: invoices and their lines, payments, customer credit, number sequences, job runs,
-- and network actions waiting for the router adapter.

-- Gap-free counters, one row per name ("invoice:2026-01", "receipt:2026-01"); only ever
-- advanced inside the write transaction that uses the numbers.
CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  last_number INTEGER NOT NULL
);

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  invoice_no TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  period TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('monthly','manual')),
  sequence INTEGER NOT NULL,
  issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  subtotal INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  total INTEGER NOT NULL,
  tax_rate_bp INTEGER NOT NULL DEFAULT 0,
  tax_mode TEXT NOT NULL DEFAULT 'exclusive',
  paid_amount INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('unpaid','partial','paid','void')),
  void_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  paid_at INTEGER,
  UNIQUE (period, sequence)
);
-- One monthly invoice per customer and period: the key that makes generation idempotent.
CREATE UNIQUE INDEX invoices_monthly ON invoices(customer_id, period) WHERE kind = 'monthly';
CREATE INDEX invoices_customer ON invoices(customer_id, period);
CREATE INDEX invoices_status_due ON invoices(status, due_date);

CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('package','prorated_package','charge','discount','late_fee')),
  description TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  applied_amount INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('cash','bank_transfer','credit','gateway')),
  paid_at INTEGER NOT NULL,
  receipt_no TEXT NOT NULL UNIQUE,
  note TEXT NOT NULL DEFAULT '',
  recorded_by_type TEXT NOT NULL,
  recorded_by_id INTEGER,
  recorded_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX payments_invoice ON payments(invoice_id);
CREATE INDEX payments_customer ON payments(customer_id);

-- Customer credit: the balance and the ledger that explains it.
CREATE TABLE customer_credit (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
  balance INTEGER NOT NULL CHECK (balance >= 0)
);
CREATE TABLE credit_ledger (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount INTEGER NOT NULL,
  reason TEXT NOT NULL,
  invoice_id INTEGER REFERENCES invoices(id),
  payment_id INTEGER REFERENCES payments(id),
  at INTEGER NOT NULL
);
CREATE INDEX credit_ledger_customer ON credit_ledger(customer_id);

-- Restore/isolate requests for the network-control port; pending until an adapter carries them out.
CREATE TABLE network_actions (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  action TEXT NOT NULL CHECK (action IN ('restore','isolate')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed')),
  reason TEXT NOT NULL DEFAULT '',
  invoice_id INTEGER REFERENCES invoices(id),
  created_at INTEGER NOT NULL,
  processed_at INTEGER,
  result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX network_actions_status ON network_actions(status, id);

-- One run per (job, key): the key names the scheduled slot, e.g. "2026-02-01T00:01".
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY,
  job TEXT NOT NULL,
  key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running','succeeded','failed')),
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  duration_ms INTEGER,
  result TEXT NOT NULL DEFAULT '',
  UNIQUE (job, key)
);
