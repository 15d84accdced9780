-- RADIUS customers (issue 19): FreeRADIUS asks Kimonet (rlm_rest) who may log in and with which
-- attributes; Kimonet sends CoA / Disconnect-Request (RFC 5176) to the NAS on isolation and
-- restore, and stores the accounting FreeRADIUS forwards. See docs/integrations/radius.md.
--
-- 'radius' joins the connection methods. SQLite cannot widen a CHECK in place and rebuilding
-- customers would cascade into every table that refers to it, so the CHECK's text is widened in
-- sqlite_master (SQLite's documented procedure for loosening a constraint: every stored row
-- already satisfies the wider one, and the on-disk format does not change); the CREATE TABLEs
-- below change the schema cookie, so every connection re-reads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, '''static'', ''dhcp'')', '''static'', ''dhcp'', ''radius'')')
 WHERE type = 'table' AND name = 'customers';
PRAGMA writable_schema = RESET;

-- Per router: where its CoA/Disconnect port listens and the RADIUS shared secret (sealed like the
-- router password; write-only in the API). nas_address empty = the router's host.
CREATE TABLE radius_nas (
  router_id INTEGER PRIMARY KEY REFERENCES routers(id) ON DELETE CASCADE,
  nas_address TEXT NOT NULL DEFAULT '',
  coa_port INTEGER NOT NULL DEFAULT 3799 CHECK (coa_port BETWEEN 1 AND 65535),
  secret_encrypted BLOB,
  updated_at INTEGER NOT NULL
);

-- One row per accounting session, keyed by the NAS and its Acct-Session-Id. Counters only grow
-- (octets + 2^32 * gigawords), so a replayed or reordered Start / Interim-Update / Stop changes nothing.
CREATE TABLE radius_sessions (
  id INTEGER PRIMARY KEY,
  nas_address TEXT NOT NULL,
  acct_session_id TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  username TEXT NOT NULL,
  framed_ip TEXT NOT NULL DEFAULT '',
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  stopped_at INTEGER,
  session_seconds INTEGER NOT NULL DEFAULT 0,
  upload_bytes INTEGER NOT NULL DEFAULT 0,
  download_bytes INTEGER NOT NULL DEFAULT 0,
  terminate_cause TEXT NOT NULL DEFAULT '',
  UNIQUE (nas_address, acct_session_id)
);
CREATE INDEX radius_sessions_customer ON radius_sessions(customer_id, started_at);

-- Bytes per customer and local month (YYYY-MM): each counter increase is added to the month it arrived in.
CREATE TABLE radius_usage (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  upload_bytes INTEGER NOT NULL DEFAULT 0,
  download_bytes INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, period)
);
