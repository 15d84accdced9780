-- Trouble tickets (issue 21; docs/tickets.md): reported by the customer (portal, WhatsApp bot,
-- landing page by service number) or by staff, with a category, a priority and SLA targets taken
-- from the settings when it was opened (or its priority changed), assigned to a staff user, with
-- comments (customer-visible or internal) and photos (attachments, owner_kind 'ticket'), closed with
-- a cause. A report that may arrive twice (a webhook retried, a portal form sent again) carries an
-- idempotency key, unique, so it opens one ticket. Times are Unix seconds from the Clock.
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (category IN ('no_connection', 'slow', 'intermittent', 'device', 'billing', 'other')),
  priority TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'in_progress', 'closed')),
  channel TEXT NOT NULL CHECK (channel IN ('portal', 'whatsapp', 'landing', 'staff')),
  subject TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  assignee_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  opened_by_type TEXT NOT NULL,
  opened_by_id INTEGER,
  opened_by_name TEXT NOT NULL,
  idempotency_key TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  response_due_at INTEGER NOT NULL,
  resolve_due_at INTEGER NOT NULL,
  first_response_at INTEGER,
  assigned_at INTEGER,
  closed_at INTEGER,
  close_cause TEXT CHECK (close_cause IN ('fiber_cut', 'device_fault', 'power', 'configuration', 'customer_side', 'area_outage',
                                          'billing', 'no_fault', 'duplicate')),
  close_note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL AND close_cause IS NOT NULL)));
CREATE INDEX tickets_customer ON tickets(customer_id, id);
CREATE INDEX tickets_status ON tickets(status, id);
CREATE INDEX tickets_assignee ON tickets(assignee_user_id, status);

CREATE TABLE ticket_comments (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_type TEXT NOT NULL,
  author_id INTEGER,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
  idempotency_key TEXT UNIQUE,
  created_at INTEGER NOT NULL);
CREATE INDEX ticket_comments_ticket ON ticket_comments(ticket_id, id);

-- The new permissions on databases made before them (new databases get them from the seeded roles).
INSERT INTO permissions(name) VALUES ('tickets.read'), ('tickets.update'), ('tickets.assign'), ('tickets.close') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('tickets.read', 'tickets.update', 'tickets.assign', 'tickets.close')
  WHERE r.name IN ('superadmin', 'admin')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('tickets.read', 'tickets.update', 'tickets.close')
  WHERE r.name = 'technician'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('tickets.read', 'tickets.update')
  WHERE r.name = 'finance'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
