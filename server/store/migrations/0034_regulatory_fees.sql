-- BHP Telekomunikasi and the USO/KPU contribution (issue 20): the rates with their dated history and
-- the deductions the rules allow from gross revenue (docs/bhp-uso.md).
-- A rate row applies from its month (effective_from is the first day of a month) until the next
-- row; the first row holds the rates of PP 43/2023 (0,5% and 1,25%, as PP 80/2015 before it).
CREATE TABLE regulatory_rates (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL UNIQUE,
  bhp_bp INTEGER NOT NULL CHECK (bhp_bp BETWEEN 0 AND 10000),
  uso_bp INTEGER NOT NULL CHECK (uso_bp BETWEEN 0 AND 10000),
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
INSERT INTO regulatory_rates(effective_from, bhp_bp, uso_bp, note, created_at)
  VALUES ('2000-01-01', 50, 125, 'PP 43/2023', 0);

-- Deductions from gross revenue, per billing month: bad debts written off, interconnection paid to
-- other operators, and revenue that is not from telecommunication service.
CREATE TABLE revenue_deductions (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL CHECK (length(period) = 7),
  kind TEXT NOT NULL CHECK (kind IN ('bad_debt', 'interconnection', 'non_telecom')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  created_by INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE INDEX revenue_deductions_period ON revenue_deductions(period, id);

-- Entering deductions and rates: admin and finance (the accountant) on databases made before it.
INSERT INTO permissions(name) VALUES ('reports.regulatory') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'reports.regulatory'
  WHERE r.name IN ('admin', 'finance')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
