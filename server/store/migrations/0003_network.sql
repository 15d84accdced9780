-- Network control: the isolation log, and retry bookkeeping on network_actions (created by
-- 0002_billing). A customer's status is the intended state; while the router has not caught up
-- a 'pending' network_actions row says so, written in the same transaction as the status.
CREATE TABLE isolation_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  router_id INTEGER REFERENCES routers(id),
  action TEXT NOT NULL CHECK (action IN ('isolate','restore','repair')),
  reason TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL CHECK (result IN ('applied','unchanged','pending','failed')),
  profile_before TEXT NOT NULL DEFAULT '',
  profile_after TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  actor_type TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL
);
CREATE INDEX isolation_log_customer ON isolation_log(customer_id, at);

ALTER TABLE network_actions ADD COLUMN router_id INTEGER REFERENCES routers(id);
ALTER TABLE network_actions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE network_actions ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE network_actions ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE network_actions ADD COLUMN requested_by TEXT NOT NULL DEFAULT 'system';
CREATE INDEX network_actions_due ON network_actions(status, next_attempt_at);
CREATE INDEX network_actions_customer ON network_actions(customer_id, status);
