-- WhatsApp: the notification outbox (every message is stored before it is sent), its delivery
-- log, editable message templates, the per-gateway rate-limit clock and the bot's conversations.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  phone TEXT NOT NULL,
  template TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  -- Bot replies (priority 1) are sent before reminders and also during quiet hours.
  priority INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sending','sent','failed')),
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
CREATE INDEX notifications_due ON notifications(status, priority, next_attempt_at);
CREATE INDEX notifications_customer ON notifications(customer_id, created_at);
CREATE INDEX notifications_created ON notifications(created_at);

-- One row per delivery attempt, with the gateway's answer.
CREATE TABLE notification_attempts (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  gateway TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('sent','retry','failed','lease_expired')),
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notification_attempts_notification ON notification_attempts(notification_id);

-- Only edited templates are stored; the defaults live in shared/messaging/templates.cpp.
CREATE TABLE message_templates (
  key TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);

-- The rate limit's memory: when each gateway (driver + sender) was last used, so the spacing
-- survives restarts and holds across several workers.
CREATE TABLE messenger_state (
  gateway TEXT PRIMARY KEY,
  last_attempt_at INTEGER NOT NULL
);

CREATE TABLE whatsapp_conversations (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  driver TEXT NOT NULL,
  phone TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  message TEXT NOT NULL,
  intent TEXT NOT NULL DEFAULT '',
  gateway_message_id TEXT NOT NULL DEFAULT '',
  notification_id INTEGER REFERENCES notifications(id) ON DELETE SET NULL
);
CREATE INDEX whatsapp_conversations_phone ON whatsapp_conversations(phone, at);
