-- N servers on one PostgreSQL (issue 17). Both engines get the same schema; SQLite (one process)
-- does not use these yet.
--
-- network_actions.lease_until: a server that takes a due action (FOR UPDATE SKIP LOCKED on
-- PostgreSQL) holds it until lease_until; another server skips it until then, so two servers never
-- push the same router action, and a dead server's actions are due again once the lease runs out.
ALTER TABLE network_actions ADD COLUMN lease_until INTEGER;

-- The public endpoints' token buckets (bill check, pay, bill page, registration, isolir page,
-- WhatsApp replies, rejected callbacks) shared by every server: one row per bucket and source,
-- taken with one INSERT … ON CONFLICT DO UPDATE … RETURNING. A row idle for a minute is a full
-- bucket, so the scheduler's leader deletes those.
CREATE TABLE rate_limit_buckets (
  key TEXT PRIMARY KEY,
  tokens REAL NOT NULL,
  updated_at INTEGER NOT NULL,
  allowed INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX rate_limit_buckets_updated ON rate_limit_buckets(updated_at);
