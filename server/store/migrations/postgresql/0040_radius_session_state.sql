-- The RADIUS drift check (issue 19; the twin of migrations/0040_radius_session_state.sql): what
-- the NAS applies to each online session, so it can be compared with what billing says. Recorded when FreeRADIUS is answered (Access-Accept: the
-- state and Mikrotik-Rate-Limit sent, kept per customer until the session's accounting Start
-- copies it onto the session) and when a CoA / Disconnect-Request is answered (ACK: the new
-- state is applied; NAK or no answer: recorded as such, the state stays what it was).
CREATE TABLE radius_accepts (
  customer_id BIGINT PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  answered_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('normal', 'isolated')),
  rate_limit TEXT NOT NULL DEFAULT ''
);

-- applied_state '' = not known (sessions that started before this migration); applied_by is
-- 'access-accept', 'coa' or 'disconnect'; coa_result '' (none sent), 'ack', 'nak', 'timeout' or
-- 'error' (not sent: no route, bad address).
ALTER TABLE radius_sessions ADD COLUMN applied_state TEXT NOT NULL DEFAULT '';
ALTER TABLE radius_sessions ADD COLUMN applied_rate_limit TEXT NOT NULL DEFAULT '';
ALTER TABLE radius_sessions ADD COLUMN applied_by TEXT NOT NULL DEFAULT '';
ALTER TABLE radius_sessions ADD COLUMN coa_result TEXT NOT NULL DEFAULT '';
ALTER TABLE radius_sessions ADD COLUMN coa_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE radius_sessions ADD COLUMN coa_at BIGINT;
CREATE INDEX radius_sessions_open ON radius_sessions(customer_id) WHERE stopped_at IS NULL;

-- The connection methods a router offers its customers (comma-separated, each of pppoe, static,
-- dhcp, radius); a customer's method must be one of its router's. A router without a row offers all.
ALTER TABLE radius_nas ADD COLUMN connection_methods TEXT NOT NULL DEFAULT 'pppoe,static,dhcp,radius';
