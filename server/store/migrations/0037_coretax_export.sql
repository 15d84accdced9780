-- The Coretax export (issue 20): when an invoice went out in a Coretax XML file, so the next
-- export of its month gives only the new ones (unless the accountant asks to export again).
ALTER TABLE invoices ADD COLUMN coretax_exported_at TEXT;
CREATE INDEX invoices_period_coretax ON invoices(period, coretax_exported_at);

-- The export's permission on databases made before it (new databases get it from the seeded roles;
-- sync_rbac gives the superadmin every permission at start-up): finance and admin.
INSERT INTO permissions(name) VALUES ('tax.export') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'tax.export'
  WHERE r.name IN ('admin', 'finance')
  ON CONFLICT(role_id, permission_id) DO NOTHING;
