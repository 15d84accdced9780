-- Technician jobs (issue 21; docs/technician-jobs.md): installation, repair, relocation and
-- dismantle visits, scheduled on a local day (YYYY-MM-DD) within a window ("HH:MM"), assigned to a
-- staff user, worked through a checklist, closed as done or failed. Closing is a single
-- scheduled -> done/failed transition (the UPDATE's WHERE), so a resubmitted completion cannot
-- activate or deactivate the customer twice; completion_key lets that resubmission be answered
-- with the first result. ticket_id names a trouble ticket without a foreign key: the tickets
-- table arrives in a parallel change. Times are Unix seconds from the Clock.
CREATE TABLE technician_jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('installation', 'repair', 'relocation', 'dismantle')),
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'failed', 'cancelled')),
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  ticket_id INTEGER,
  scheduled_date TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  technician_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  failure_reason TEXT NOT NULL DEFAULT '',
  result_note TEXT NOT NULL DEFAULT '',
  signature_attachment_id INTEGER REFERENCES attachments(id) ON DELETE SET NULL,
  photo_attachment_id INTEGER REFERENCES attachments(id) ON DELETE SET NULL,
  completion_key TEXT,
  completed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  completed_by_name TEXT NOT NULL DEFAULT '',
  completed_at INTEGER,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (window_start < window_end));
CREATE INDEX technician_jobs_day ON technician_jobs(scheduled_date, technician_id);
CREATE INDEX technician_jobs_customer ON technician_jobs(customer_id, id);

-- The checklist: one row per item, ticked with who and when.
CREATE TABLE technician_job_checks (
  job_id INTEGER NOT NULL REFERENCES technician_jobs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  label TEXT NOT NULL,
  done_by INTEGER,
  done_by_name TEXT NOT NULL DEFAULT '',
  done_at INTEGER,
  PRIMARY KEY (job_id, position));

-- Materials used, written once with the completion: a free text item, a whole quantity, a unit.
CREATE TABLE technician_job_materials (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES technician_jobs(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
  unit TEXT NOT NULL DEFAULT '');
CREATE INDEX technician_job_materials_job ON technician_job_materials(job_id, id);

-- The permissions on databases made before them (new databases get them from the seeded roles;
-- sync_rbac gives the superadmin every permission at start-up): admins dispatch and may work jobs,
-- technicians work their own.
INSERT INTO permissions(name) VALUES ('jobs.dispatch') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('jobs.work') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('jobs.dispatch', 'jobs.work')
  WHERE r.name = 'admin'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'jobs.work'
  WHERE r.name = 'technician'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
