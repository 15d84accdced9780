-- The outbox's two classes of message and the invoice a bulk message is about.
-- transactional (payment receipts, isolir/restore notices, registration confirmations, one-time
-- codes, bot replies) goes before bulk (reminders, broadcasts, new-invoice notices) and through
-- quiet hours; a bulk message about an invoice is checked against that invoice right before it is
-- sent and 'cancelled' (with a notification_attempts row saying why) when it no longer applies.
--
-- SQLite cannot widen a CHECK in place, so notifications and notification_attempts are rebuilt.
-- This runs inside the migration's transaction with foreign keys on: dropping notifications would
-- cascade into notification_attempts and clear whatsapp_conversations.notification_id, so both
-- are kept aside first and put back after the swap.
CREATE INDEX IF NOT EXISTS whatsapp_conversations_notification ON whatsapp_conversations(notification_id);
CREATE TABLE notification_attempts_kept AS SELECT id, notification_id, at, gateway, outcome, detail FROM notification_attempts;
CREATE TABLE conversation_links_kept AS SELECT id, notification_id FROM whatsapp_conversations WHERE notification_id IS NOT NULL;
DROP TABLE notification_attempts;

CREATE TABLE notifications_rebuilt (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  phone TEXT NOT NULL,
  template TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  -- Every producer names the class; there is no default that could make a receipt bulk.
  message_class TEXT NOT NULL CHECK (message_class IN ('transactional','bulk')),
  -- The invoice a message is about (bulk ones are re-checked against it before sending).
  invoice_id INTEGER REFERENCES invoices(id),
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sending','sent','failed','cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  -- While status = 'sending': a worker holds the row until lease_until; after that it is due again.
  lease_until INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  gateway TEXT NOT NULL DEFAULT '',
  gateway_message_id TEXT NOT NULL DEFAULT '',
  gateway_response TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT 'system',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  updated_at INTEGER NOT NULL
);
-- Messages already stored: bot replies and test sends (priority 1) and the templates of the
-- transactional kinds are transactional; the invoice comes from the dunning action that queued
-- the message or from the new-invoice key ("invoice_new:<invoice id>").
INSERT INTO notifications_rebuilt(id, idempotency_key, customer_id, phone, template, body, message_class, invoice_id, status, attempts,
                                  next_attempt_at, lease_until, last_error, gateway, gateway_message_id, gateway_response, created_by,
                                  created_at, sent_at, updated_at)
  SELECT n.id, n.idempotency_key, n.customer_id, n.phone, n.template, n.body,
         CASE WHEN n.priority > 0 OR n.template IN ('payment_confirmation','isolir_notice','service_restored','registration_received')
                   OR substr(n.template, 1, 4) = 'bot_' OR n.idempotency_key LIKE 'network:%' THEN 'transactional' ELSE 'bulk' END,
         CASE WHEN substr(n.idempotency_key, 1, 12) = 'invoice_new:'
                   THEN (SELECT i.id FROM invoices i WHERE i.id = CAST(substr(n.idempotency_key, 13) AS INTEGER))
              ELSE (SELECT MIN(a.invoice_id) FROM dunning_actions a WHERE a.notification_id = n.id) END,
         n.status, n.attempts, n.next_attempt_at, n.lease_until, n.last_error, n.gateway, n.gateway_message_id, n.gateway_response,
         n.created_by, n.created_at, n.sent_at, n.updated_at
  FROM notifications n;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
-- The claim step reads one index range per class: (status, message_class, next_attempt_at).
CREATE INDEX notifications_due ON notifications(status, message_class, next_attempt_at);
CREATE INDEX notifications_customer ON notifications(customer_id, created_at);
CREATE INDEX notifications_created ON notifications(created_at);

CREATE TABLE notification_attempts (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  gateway TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('sent','retry','failed','lease_expired','cancelled')),
  detail TEXT NOT NULL DEFAULT ''
);
INSERT INTO notification_attempts(id, notification_id, at, gateway, outcome, detail)
  SELECT id, notification_id, at, gateway, outcome, detail FROM notification_attempts_kept;
DROP TABLE notification_attempts_kept;
CREATE INDEX notification_attempts_notification ON notification_attempts(notification_id);

UPDATE whatsapp_conversations SET notification_id = (SELECT kept.notification_id FROM conversation_links_kept kept WHERE kept.id = whatsapp_conversations.id)
  WHERE id IN (SELECT id FROM conversation_links_kept);
DROP TABLE conversation_links_kept;

-- Fair sharing of the gateway's one rate limit: how many transactional messages in a row were
-- sent while bulk was due (after a few, one bulk message goes; see services/outbox.cpp).
ALTER TABLE messenger_state ADD COLUMN transactional_streak INTEGER NOT NULL DEFAULT 0;
