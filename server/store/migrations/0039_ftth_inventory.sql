-- FTTH inventory (issue 21): the passive network from the OLT to the customer's ODP port, and where
-- customers are. OLT → PON port → ODC → ODP (with its port count) → one customer per ODP port. An
-- incident attached to any level (or to a router) affects exactly the customers below it
-- (store::customers_below). Coordinates are WGS84 degrees, both or neither.
CREATE TABLE olts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  router_id INTEGER REFERENCES routers(id) ON DELETE SET NULL,
  site TEXT NOT NULL DEFAULT '' CHECK (length(site) <= 120),
  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  CHECK ((latitude IS NULL) = (longitude IS NULL)));
CREATE INDEX olts_router ON olts(router_id);
CREATE TABLE pon_ports (
  id INTEGER PRIMARY KEY,
  olt_id INTEGER NOT NULL REFERENCES olts(id),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
  UNIQUE (olt_id, label));
CREATE TABLE odcs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  pon_port_id INTEGER NOT NULL REFERENCES pon_ports(id),
  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  CHECK ((latitude IS NULL) = (longitude IS NULL)));
CREATE INDEX odcs_pon_port ON odcs(pon_port_id);
CREATE TABLE odps (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  odc_id INTEGER NOT NULL REFERENCES odcs(id),
  port_count INTEGER NOT NULL CHECK (port_count BETWEEN 1 AND 128),
  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  CHECK ((latitude IS NULL) = (longitude IS NULL)));
CREATE INDEX odps_odc ON odps(odc_id);
-- An occupied ODP port: a row per customer placed (a free port has no row). One customer per port
-- (the key) and one port per customer (unique). That port_number <= the ODP's port_count is the
-- service's rule (a CHECK cannot see another table), as is refusing a port count below an occupied port.
CREATE TABLE odp_ports (
  odp_id INTEGER NOT NULL REFERENCES odps(id),
  port_number INTEGER NOT NULL CHECK (port_number BETWEEN 1 AND 128),
  customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id) ON DELETE CASCADE,
  placed_at INTEGER NOT NULL,
  PRIMARY KEY (odp_id, port_number));

-- Where the customer is (for the map and the technician's navigation link); NULL = not surveyed.
ALTER TABLE customers ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
ALTER TABLE customers ADD COLUMN longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
