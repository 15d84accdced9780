-- Outages that pause billing (issue 21; docs/outages.md). An outage is attached to one network
-- element (a router, and with the FTTH inventory an OLT, PON port, ODC or ODP) or drawn as an area
-- (a circle or polygon of coordinates in `area_shape`). The customers below it are computed once,
-- when it is opened, into outage_customers; that row also records, per customer, the start and
-- end WhatsApp notices (the notification id, 0 = none could be queued) and the SLA credit
-- (computed at the end from the settings; the invoice it went on). `phase` says what work is left
-- for the outage job: start notices, then (once ended) end notices and credits.
-- Times are Unix seconds from the Clock; money is integer rupiah.
CREATE TABLE outages (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  cause TEXT NOT NULL DEFAULT '',
  target_kind TEXT NOT NULL CHECK (target_kind IN ('router', 'olt', 'pon_port', 'odc', 'odp', 'area')),
  target_id INTEGER,
  area_name TEXT NOT NULL,
  area_shape TEXT NOT NULL DEFAULT '',
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  expected_end_at INTEGER,
  affected_count INTEGER NOT NULL DEFAULT 0,
  phase TEXT NOT NULL DEFAULT 'starting' CHECK (phase IN ('starting', 'started', 'ending', 'ended')),
  created_by TEXT NOT NULL,
  closed_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((target_kind = 'area') = (target_id IS NULL)),
  CHECK ((target_kind = 'area') = (area_shape <> '')),
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  CHECK ((phase IN ('ending', 'ended')) = (ended_at IS NOT NULL))
);
-- Open outages and those that ended lately: what the dunning run and the public status read.
CREATE INDEX outages_ended ON outages(ended_at);
CREATE INDEX outages_phase ON outages(phase) WHERE phase <> 'ended';

CREATE TABLE outage_customers (
  outage_id INTEGER NOT NULL REFERENCES outages(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  start_notification_id INTEGER,
  end_notification_id INTEGER,
  credit_amount INTEGER CHECK (credit_amount IS NULL OR credit_amount >= 0),
  credit_invoice_id INTEGER REFERENCES invoices(id),
  PRIMARY KEY (outage_id, customer_id)
);
CREATE INDEX outage_customers_customer ON outage_customers(customer_id);
-- Credits waiting for the customer's next invoice (read per invoice batch by customer id range).
CREATE INDEX outage_customers_pending_credit ON outage_customers(customer_id)
  WHERE credit_amount > 0 AND credit_invoice_id IS NULL;

-- Customers by their coordinates (migration 0039): an outage drawn as an area reads the customers
-- inside its bounding box by this index, then the shape decides.
CREATE INDEX customers_location ON customers(latitude, longitude) WHERE latitude IS NOT NULL;

-- The new permissions on databases made before them (new databases get them from the seeded roles).
INSERT INTO permissions(name) VALUES ('outages.read') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('outages.manage') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'outages.read'
  WHERE r.name IN ('superadmin', 'admin', 'finance', 'technician')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'outages.manage'
  WHERE r.name IN ('superadmin', 'admin', 'technician')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
