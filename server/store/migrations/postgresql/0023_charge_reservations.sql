-- The open-charge cap across N servers (issue 17); the twin of migrations/0023_charge_reservations.sql.
-- A request reserves (invoice, gateway:method) for the length of its gateway call; a dead holder's
-- row stops counting at lease_until.
CREATE TABLE charge_reservations (
  invoice_id BIGINT NOT NULL,
  charge_key TEXT NOT NULL,
  holder TEXT NOT NULL,
  lease_until BIGINT NOT NULL,
  PRIMARY KEY (invoice_id, charge_key)
);
CREATE INDEX charge_reservations_lease ON charge_reservations(lease_until);
