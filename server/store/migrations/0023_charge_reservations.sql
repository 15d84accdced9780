-- The open-charge cap across N servers (issue 17). Anyone may ask to create a gateway charge for
-- an invoice (the public bill page); at most a few are open per invoice, and one gateway:method of
-- an invoice is created by one request at a time. The gateway call takes seconds and must not run
-- inside a transaction, so a request first reserves its place here in a short write transaction
-- (open charges + live reservations of the invoice counted under the writer lock), calls the
-- gateway, and deletes its reservation again (in the transaction that stores the charge, or after
-- a failure). A holder that died mid-call (kill -9) leaves its row behind until lease_until: the
-- gateway timeout plus a margin of the Clock's time, after which the next reservation deletes it.
-- No foreign key to invoices: a reservation lives seconds and must never stand in an invoice's way.
CREATE TABLE charge_reservations (
  invoice_id INTEGER NOT NULL,
  charge_key TEXT NOT NULL,
  holder TEXT NOT NULL,
  lease_until INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, charge_key)
);
CREATE INDEX charge_reservations_lease ON charge_reservations(lease_until);
