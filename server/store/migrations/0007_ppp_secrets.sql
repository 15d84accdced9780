-- Pushing customers' PPP secrets to their routers: the PPPoE password (sealed with the secrets
-- key, like router passwords; NULL = none stored), a per-router switch, and a third kind of
-- network action, 'push_secret', retried like isolate/restore while the router is unreachable.
ALTER TABLE customers ADD COLUMN pppoe_password_encrypted BLOB;
ALTER TABLE routers ADD COLUMN push_secrets INTEGER NOT NULL DEFAULT 0 CHECK (push_secrets IN (0, 1));

-- SQLite cannot widen a CHECK constraint in place: rebuild network_actions with the same rows.
CREATE TABLE network_actions_rebuilt (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  action TEXT NOT NULL CHECK (action IN ('restore','isolate','push_secret')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed')),
  reason TEXT NOT NULL DEFAULT '',
  invoice_id INTEGER REFERENCES invoices(id),
  created_at INTEGER NOT NULL,
  processed_at INTEGER,
  result TEXT NOT NULL DEFAULT '',
  router_id INTEGER REFERENCES routers(id),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  requested_by TEXT NOT NULL DEFAULT 'system'
);
INSERT INTO network_actions_rebuilt(id, customer_id, action, status, reason, invoice_id, created_at, processed_at, result, router_id,
                                    attempts, next_attempt_at, last_error, requested_by)
  SELECT id, customer_id, action, status, reason, invoice_id, created_at, processed_at, result, router_id, attempts, next_attempt_at,
         last_error, requested_by FROM network_actions;
DROP TABLE network_actions;
ALTER TABLE network_actions_rebuilt RENAME TO network_actions;
CREATE INDEX network_actions_status ON network_actions(status, id);
CREATE INDEX network_actions_due ON network_actions(status, next_attempt_at);
CREATE INDEX network_actions_customer ON network_actions(customer_id, status);
