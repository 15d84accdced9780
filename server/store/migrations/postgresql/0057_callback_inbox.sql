-- The twin of migrations/0057_callback_inbox.sql: signed callbacks accepted and not yet applied,
-- one row per transaction, deleted by the transaction that applies them.
CREATE TABLE callback_inbox (
  gateway TEXT NOT NULL,
  order_key TEXT NOT NULL,
  by_reference BIGINT NOT NULL DEFAULT 0,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  remote_ip TEXT NOT NULL DEFAULT '',
  received_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (gateway, order_key)
);
