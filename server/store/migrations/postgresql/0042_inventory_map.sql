-- The FTTH inventory's screens (issue 21); the twin of migrations/0042_inventory_map.sql: beyond the foundation (0039), where routers stand (the map
-- draws them), and who may read, edit and place. inventory.read: the tree and the map; inventory.edit:
-- create, change, delete and import OLTs, PON ports, ODCs and ODPs, and routers' coordinates;
-- inventory.place: put customers on ODP ports and set their coordinates (the technician in the field).
ALTER TABLE routers ADD COLUMN latitude DOUBLE PRECISION CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
ALTER TABLE routers ADD COLUMN longitude DOUBLE PRECISION CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);

-- The permissions on databases made before them (new databases get them from the seeded roles;
-- sync_rbac gives the superadmin every permission at start-up).
INSERT INTO permissions(name) VALUES ('inventory.read') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('inventory.edit') ON CONFLICT(name) DO NOTHING;
INSERT INTO permissions(name) VALUES ('inventory.place') ON CONFLICT(name) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('inventory.read', 'inventory.edit', 'inventory.place')
  WHERE r.name = 'admin'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('inventory.read', 'inventory.place')
  WHERE r.name = 'technician'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
INSERT INTO role_permission(role_id, permission_id)
  SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name = 'inventory.read'
  WHERE r.name = 'finance'
  ON CONFLICT(role_id, permission_id) DO NOTHING;
