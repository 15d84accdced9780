-- The callback inbox (issues 17, 23): a signed gateway callback that would change a payment is
-- written here and the gateway answered at once; asking the gateway's status API and applying
-- what it says happens after the answer (services/callback_inbox.hpp). One row per transaction
-- (gateway and order id, or Flip's bill link), so replays, however padded, never add rows; a
-- row is deleted in the transaction that applies it, unless a newer callback replaced it
-- meanwhile (`version`). `next_attempt_at`: when any server may take it up again (the one that
-- accepted it died, or the status API could not be asked).
CREATE TABLE callback_inbox (
  gateway TEXT NOT NULL,
  order_key TEXT NOT NULL,
  by_reference INTEGER NOT NULL DEFAULT 0,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  remote_ip TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (gateway, order_key)
) WITHOUT ROWID;
