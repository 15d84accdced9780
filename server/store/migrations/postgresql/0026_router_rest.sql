-- RouterOS 7 REST API beside the binary API (issue 19): per router, which interface Kimonet
-- speaks ('api', 'rest', or 'auto' = the binary API, REST when it cannot be reached) and where
-- the REST API listens (www-ssl 443 by default; rest_tls = 0 is the plain www service).
ALTER TABLE routers ADD COLUMN api_mode TEXT NOT NULL DEFAULT 'api' CHECK (api_mode IN ('api', 'rest', 'auto'));
ALTER TABLE routers ADD COLUMN rest_port BIGINT NOT NULL DEFAULT 443 CHECK (rest_port BETWEEN 1 AND 65535);
ALTER TABLE routers ADD COLUMN rest_tls BIGINT NOT NULL DEFAULT 1 CHECK (rest_tls IN (0, 1));
