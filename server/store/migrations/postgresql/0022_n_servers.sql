-- N servers on one PostgreSQL (issue 17); the twin of migrations/0022_n_servers.sql.
-- network_actions.lease_until: the server that took a due action (FOR UPDATE SKIP LOCKED) holds it
-- until then; a dead server's actions are due again when it runs out.
ALTER TABLE network_actions ADD COLUMN lease_until BIGINT;

-- The public endpoints' token buckets shared by every server (see the SQLite twin).
CREATE TABLE rate_limit_buckets (
  key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_at BIGINT NOT NULL,
  allowed BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX rate_limit_buckets_updated ON rate_limit_buckets(updated_at);
