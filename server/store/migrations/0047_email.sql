-- Email as a channel (issue 22). email_outbox is the email twin of the WhatsApp notifications
-- outbox: one row per message under an idempotency key, claimed with a lease (lease_until) so a
-- crashed send is retried and two servers never take the same row; 4xx answers are retried with
-- backoff, 5xx answers fail the message. The invoice PDF is rendered at send time from
-- attach_invoice_id, so a retried message carries the invoice as it is then.
-- invoice_sends logs every "send this invoice" (who, when, channel, to, how); its outcome is the
-- queued message's status (the email row or the WhatsApp notification).
-- customers.channel_preference: '' = the default (WhatsApp when the customer has a number, else email).
-- Times are Unix seconds from the Clock.
CREATE TABLE email_outbox (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  invoice_id INTEGER REFERENCES invoices(id),
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL DEFAULT '',
  attach_invoice_id INTEGER REFERENCES invoices(id),
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sending','sent','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  message_id TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  server_response TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT 'system',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX email_outbox_due ON email_outbox(status, next_attempt_at);
CREATE INDEX email_outbox_invoice ON email_outbox(invoice_id);

CREATE TABLE invoice_sends (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  actor_type TEXT NOT NULL,
  actor_id INTEGER NOT NULL,
  actor_name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('whatsapp','email')),
  recipient TEXT NOT NULL,
  sent_as TEXT NOT NULL CHECK (sent_as IN ('pdf_attachment','document','pay_link')),
  idempotency_key TEXT NOT NULL UNIQUE,
  email_id INTEGER REFERENCES email_outbox(id),
  notification_id INTEGER REFERENCES notifications(id),
  direct_outcome TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX invoice_sends_invoice ON invoice_sends(invoice_id, created_at);
CREATE INDEX invoice_sends_actor ON invoice_sends(actor_type, actor_id, created_at);

ALTER TABLE customers ADD COLUMN channel_preference TEXT NOT NULL DEFAULT '' CHECK (channel_preference IN ('','whatsapp','email','both'));

-- The new permission on databases made before it (new databases get it from the seeded roles):
-- sending an invoice to its customer or a typed-in recipient; the office roles, not technicians
-- or collectors.
INSERT INTO permissions(name) VALUES ('invoices.send') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'invoices.send'
  WHERE r.name IN ('superadmin', 'admin', 'finance')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
