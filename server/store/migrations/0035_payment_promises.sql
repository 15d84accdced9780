-- Promise to pay ("janji bayar", issue 20; docs/dunning.md#promise-to-pay): a customer postpones
-- isolation to a date; staff with dunning.promise_grant grant more or longer. At most one active
-- promise per customer (the partial unique index), so a replayed request finds the one it made.
-- Dates are local (the timezone setting) YYYY-MM-DD; times are Unix seconds from the Clock.
CREATE TABLE payment_promises (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  made_on TEXT NOT NULL,
  promised_until TEXT NOT NULL,
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 30),
  channel TEXT NOT NULL CHECK (channel IN ('portal', 'isolir_page', 'whatsapp', 'staff')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'kept', 'broken', 'replaced')),
  actor_type TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  restored INTEGER NOT NULL DEFAULT 0 CHECK (restored IN (0, 1)),
  created_at INTEGER NOT NULL,
  ended_at INTEGER);
CREATE UNIQUE INDEX payment_promises_one_active ON payment_promises(customer_id) WHERE status = 'active';
CREATE INDEX payment_promises_customer ON payment_promises(customer_id, id);

-- The new permission on databases made before it (new databases get it from the seeded roles).
INSERT INTO permissions(name) VALUES ('dunning.promise_grant') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'dunning.promise_grant'
  WHERE r.name IN ('admin', 'finance')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
