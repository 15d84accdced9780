-- Staff accounts and sessions (issue 14): a forced password change after someone else set the
-- password, where each session came from (listed to its owner), and login failures split into
-- known accounts and made-up names so that made-up names never lock a real account.
ALTER TABLE users ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN client_ip TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE login_attempts ADD COLUMN known INTEGER NOT NULL DEFAULT 1;
CREATE INDEX login_attempts_ip_known ON login_attempts(ip, known, at);
