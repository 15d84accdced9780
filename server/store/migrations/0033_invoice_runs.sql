-- Billing-run approval (issue 20): prepare the monthly run as drafts, then approve or discard it.
-- A monthly run prepared for approval is kept apart from invoices until approved, so nothing that
-- reads invoices (portal, bill check, dunning, reports, payments, exports) can see a draft. At most
-- one open (prepared or approving) run per period; an approved run stays as the record of who
-- approved what; a discarded run is deleted with its items (the activity log keeps the fact).
CREATE TABLE invoice_runs (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('prepared', 'approving', 'approved')),
  prepared_by INTEGER,
  prepared_by_name TEXT NOT NULL DEFAULT '',
  prepared_at INTEGER NOT NULL,
  approved_by INTEGER,
  approved_by_name TEXT NOT NULL DEFAULT '',
  approved_at INTEGER,
  invoice_count INTEGER NOT NULL DEFAULT 0 CHECK (invoice_count >= 0),
  total_amount INTEGER NOT NULL DEFAULT 0,
  issued_count INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX invoice_runs_open ON invoice_runs(period) WHERE status <> 'approved';

-- One row per customer the run concerns: a draft invoice (its one package line, dates and totals as
-- prepared), or a customer billed last month who gets nothing now (reason 'leaving', state 'none').
-- previous_amount is last month's monthly invoice total (NULL: none). state: draft -> issued
-- (invoice_id set) on approval, or excluded by the operator, or skipped when the customer is no
-- longer billable (or already invoiced) at approval.
CREATE TABLE invoice_run_items (
  run_id INTEGER NOT NULL REFERENCES invoice_runs(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('same', 'new', 'proration', 'package_change', 'amount_change', 'no_previous', 'leaving')),
  state TEXT NOT NULL CHECK (state IN ('draft', 'excluded', 'issued', 'skipped', 'none')),
  package_name TEXT NOT NULL DEFAULT '',
  previous_amount INTEGER,
  issue_date TEXT NOT NULL DEFAULT '',
  due_date TEXT NOT NULL DEFAULT '',
  line_kind TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  line_amount INTEGER NOT NULL DEFAULT 0,
  subtotal INTEGER NOT NULL DEFAULT 0,
  tax INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  tax_rate_bp INTEGER NOT NULL DEFAULT 0,
  tax_mode TEXT NOT NULL DEFAULT 'exclusive',
  invoice_id INTEGER,
  PRIMARY KEY (run_id, customer_id));
CREATE INDEX invoice_run_items_reason ON invoice_run_items(run_id, reason, customer_id);
CREATE INDEX invoice_run_items_state ON invoice_run_items(run_id, state, customer_id);

-- The new permission on databases made before it (new databases get it from the seeded roles;
-- sync_rbac gives the superadmin every permission at start-up).
INSERT INTO permissions(name) VALUES ('invoices.approve_run') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'invoices.approve_run'
  WHERE r.name IN ('admin', 'finance')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
