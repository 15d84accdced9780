-- Static-IP and DHCP customers (issue 19): how the router lets each customer in. 'pppoe' (today's:
-- a PPP secret, isolated by profile), 'static' or 'dhcp' (isolated by putting ip_address on the
-- router's `isolir` address list; a DHCP customer's lease is bound to mac_address). More methods
-- (RADIUS, hotspot) will widen the CHECK in a later migration.
ALTER TABLE customers ADD COLUMN connection_method TEXT NOT NULL DEFAULT 'pppoe' CHECK (connection_method IN ('pppoe', 'static', 'dhcp'));
ALTER TABLE customers ADD COLUMN ip_address TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN mac_address TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX customers_router_ip ON customers(router_id, ip_address) WHERE ip_address <> '';
