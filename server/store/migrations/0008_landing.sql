-- The landing page: registrations ("leads") from the public form, incidents an admin posts for
-- the public network status, and the last known reachability of each router (written by the
-- router probe and by every router test), which the network status shows without touching a
-- router on a public request.
CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  address TEXT NOT NULL,
  package_id INTEGER NOT NULL REFERENCES internet_packages(id),
  latitude REAL,
  longitude REAL,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','converted','rejected')),
  customer_id INTEGER REFERENCES customers(id),
  reject_reason TEXT NOT NULL DEFAULT '',
  source_ip TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  decided_by TEXT NOT NULL DEFAULT '',
  CHECK ((status = 'converted') = (customer_id IS NOT NULL))
);
CREATE INDEX leads_status ON leads(status, created_at);
-- One open registration per phone number: a second submission is refused (409) rather than
-- creating a duplicate lead.
CREATE UNIQUE INDEX leads_open_phone ON leads(phone) WHERE status = 'new';

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  message TEXT NOT NULL,
  router_id INTEGER REFERENCES routers(id) ON DELETE SET NULL,
  expected_recovery_at INTEGER,          -- UTC seconds; NULL = unknown
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  resolved_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX incidents_open ON incidents(resolved, created_at);

CREATE TABLE router_reachability (
  router_id INTEGER PRIMARY KEY REFERENCES routers(id) ON DELETE CASCADE,
  reachable INTEGER NOT NULL CHECK (reachable IN (0, 1)),
  detail TEXT NOT NULL DEFAULT '',
  checked_at INTEGER NOT NULL,
  changed_at INTEGER NOT NULL            -- when `reachable` last flipped
);
