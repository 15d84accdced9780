-- Dunning: staged collection schedules, their steps, the actions taken (at most one per invoice
-- and step), and which schedule applies to a package or a customer (the customer's wins, then the
-- package's, then the default schedule).

CREATE TABLE dunning_schedules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
-- Exactly one default schedule at most.
CREATE UNIQUE INDEX dunning_schedules_default ON dunning_schedules(is_default) WHERE is_default = 1;

-- Steps are never deleted once a schedule is edited, only retired, so recorded actions keep
-- pointing at the step they carried out and the (invoice, step) key stays meaningful.
CREATE TABLE dunning_steps (
  id INTEGER PRIMARY KEY,
  schedule_id INTEGER NOT NULL REFERENCES dunning_schedules(id),
  position INTEGER NOT NULL,
  day_offset INTEGER NOT NULL CHECK (day_offset BETWEEN -60 AND 365),
  action TEXT NOT NULL CHECK (action IN ('remind','warn','late_fee','isolate','terminate')),
  channel TEXT NOT NULL DEFAULT 'whatsapp' CHECK (channel IN ('whatsapp','none')),
  template_key TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  fee_kind TEXT NOT NULL DEFAULT 'fixed' CHECK (fee_kind IN ('fixed','percent')),
  fee_amount INTEGER NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
  fee_percent_bp INTEGER NOT NULL DEFAULT 0 CHECK (fee_percent_bp BETWEEN 0 AND 10000),
  fee_cap INTEGER NOT NULL DEFAULT 0 CHECK (fee_cap >= 0),
  retired INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dunning_steps_schedule ON dunning_steps(schedule_id, retired, position);

-- One row per (invoice, step): the key that makes every dunning action happen at most once.
CREATE TABLE dunning_actions (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  step_id INTEGER NOT NULL REFERENCES dunning_steps(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  action TEXT NOT NULL,
  step_date TEXT NOT NULL,
  amount INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('done','skipped','failed')),
  result TEXT NOT NULL DEFAULT '',
  notification_id INTEGER,
  at INTEGER NOT NULL,
  UNIQUE (invoice_id, step_id)
);
CREATE INDEX dunning_actions_customer ON dunning_actions(customer_id, at);

ALTER TABLE internet_packages ADD COLUMN dunning_schedule_id INTEGER REFERENCES dunning_schedules(id);
ALTER TABLE customers ADD COLUMN dunning_schedule_id INTEGER REFERENCES dunning_schedules(id);

-- The default schedule (shared/dunning default_schedule()): reminders H-7, H-3, H-1, H0, the
-- isolir warning on H+1, a Rp 10.000 late fee on H+3 (off until enabled), isolation on H+7.
INSERT INTO dunning_schedules(id, name, description, is_default)
VALUES (1, 'Standar', 'Pengingat H-7, H-3, H-1, H0; peringatan isolir H+1; denda H+3 (nonaktif); isolir H+7', 1);
INSERT INTO dunning_steps(schedule_id, position, day_offset, action, channel, template_key, enabled, fee_amount) VALUES
  (1, 1, -7, 'remind', 'whatsapp', 'reminder', 1, 0),
  (1, 2, -3, 'remind', 'whatsapp', 'reminder', 1, 0),
  (1, 3, -1, 'remind', 'whatsapp', 'reminder', 1, 0),
  (1, 4, 0, 'remind', 'whatsapp', 'reminder', 1, 0),
  (1, 5, 1, 'warn', 'whatsapp', 'isolir_warning', 1, 0),
  (1, 6, 3, 'late_fee', 'whatsapp', 'late_fee_notice', 0, 10000),
  (1, 7, 7, 'isolate', 'whatsapp', 'isolir_notice', 1, 0);
