-- Credit notes (nota kredit) and refunds (pengembalian dana), issue 20. docs/credit-notes.md.
-- A credit note takes an amount (tax included) off an issued invoice, in its own gap-free number
-- series (sequence "credit_note:YYYY-MM", like invoices). The part that reduced what the invoice
-- still asked for is `applied_amount` (counted in invoices.paid_amount, the amount settled, so every
-- "total - paid_amount" stays what the customer owes); the rest became customer credit. Nothing
-- here is updated or deleted by the product.
CREATE TABLE credit_notes (
  id INTEGER PRIMARY KEY,
  credit_note_no TEXT NOT NULL UNIQUE,
  period TEXT NOT NULL,
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  base INTEGER NOT NULL,
  tax INTEGER NOT NULL CHECK (tax >= 0),
  applied_amount INTEGER NOT NULL CHECK (applied_amount >= 0),
  credit_amount INTEGER NOT NULL CHECK (credit_amount >= 0),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  lines TEXT NOT NULL DEFAULT '',
  issue_date TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by_type TEXT NOT NULL,
  created_by_id INTEGER,
  created_by_name TEXT NOT NULL,
  idempotency_key TEXT,
  UNIQUE (period, sequence),
  CHECK (applied_amount + credit_amount = amount),
  CHECK (base + tax = amount));
CREATE INDEX credit_notes_invoice ON credit_notes(invoice_id);
CREATE INDEX credit_notes_customer ON credit_notes(customer_id, id);
CREATE INDEX credit_notes_issue_date ON credit_notes(issue_date, id);
-- A create sent again with the same Idempotency-Key finds the first credit note (as payments do).
CREATE UNIQUE INDEX credit_notes_idempotency ON credit_notes(created_by_type, created_by_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- Customer credit paid back: cash over the counter or a bank transfer (with its reference). The
-- balance goes down in the same transaction (credit_ledger row, customer_credit.balance >= 0).
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer')),
  reference TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  refunded_at INTEGER NOT NULL,
  created_by_type TEXT NOT NULL,
  created_by_id INTEGER,
  created_by_name TEXT NOT NULL,
  idempotency_key TEXT);
CREATE INDEX refunds_customer ON refunds(customer_id, id);
CREATE UNIQUE INDEX refunds_idempotency ON refunds(created_by_type, created_by_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- The new permissions on databases made before them (new databases get them from the seeded roles;
-- sync_rbac gives the superadmin every permission at start-up).
INSERT INTO permissions(name) VALUES ('credit_notes.create') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('refunds.create') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('credit_notes.create', 'refunds.create')
  WHERE r.name IN ('admin', 'finance')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
