-- Voided and corrected payments (issue 18); the twin of migrations/0024_payment_voids.sql.
ALTER TABLE payments ADD COLUMN voided_at BIGINT;
ALTER TABLE payments ADD COLUMN voided_by_id BIGINT;
ALTER TABLE payments ADD COLUMN voided_by_name TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE payments ADD COLUMN replaces_payment_id BIGINT REFERENCES payments(id);
CREATE UNIQUE INDEX payments_replaces ON payments(replaces_payment_id);

-- The new permissions on databases made before them (new databases get them from the seeded
-- roles): the finance role may void its own payments of the last 24 hours, admin any payment.
-- sync_rbac gives the superadmin every permission at start-up.
INSERT INTO permissions(name) VALUES ('payments.void') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('payments.void_any') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('payments.void', 'payments.void_any')
  WHERE r.name = 'admin'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'payments.void'
  WHERE r.name = 'finance'
  ON CONFLICT(role_id, permission_id) DO NOTHING;

-- Reports read revenue from this index alone; voided payments are not revenue, so it leaves them out.
DROP INDEX payments_report;
CREATE INDEX payments_report ON payments(paid_at, method, amount, applied_amount) WHERE voided_at IS NULL;
