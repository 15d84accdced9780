-- WhatsApp failover, session health and opt-out (issue 22; docs/integrations/whatsapp-failover.md).
-- whatsapp_opt_outs: a number that sent STOP/BERHENTI to the bot gets no bulk messages (reminders,
-- dunning warnings, new-invoice notices, outage notices, broadcasts) until it sends START/MULAI.
-- Keyed by the normalised number, because that is whose consent it is (two services on one number
-- are both silenced); customer_id is the customer the bot recognised, for the customer page.
CREATE TABLE whatsapp_opt_outs (
  phone TEXT PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  keyword TEXT NOT NULL,
  opted_out_at INTEGER NOT NULL
);
-- whatsapp_session_incidents: the health job's memory of a lost primary session (disconnected, QR
-- to scan again, gateway unreachable). One open row (closed_at NULL) per incident: the owner is
-- alerted once when it opens; the dashboard banner shows while it is open; the outbox sends
-- through the backup provider while it is open.
CREATE TABLE whatsapp_session_incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  gateway TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('disconnected', 'qr_required', 'unreachable')),
  detail TEXT NOT NULL DEFAULT '',
  opened_at INTEGER NOT NULL,
  checked_at INTEGER NOT NULL,
  alert_notification_id INTEGER,
  closed_at INTEGER
);
CREATE UNIQUE INDEX whatsapp_session_incidents_one_open ON whatsapp_session_incidents(gateway) WHERE closed_at IS NULL;
