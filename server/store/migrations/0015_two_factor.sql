-- Staff two-factor sign-in (TOTP, RFC 6238) with recovery codes, enforceable per role.
ALTER TABLE roles ADD COLUMN require_two_factor INTEGER NOT NULL DEFAULT 0;

-- One row per staff user who has started enrolment; enabled_at is NULL until a code confirms it.
-- The secret is sealed with the server's SecretBox; last_used_step refuses a replayed code.
CREATE TABLE user_two_factor (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret_sealed BLOB NOT NULL,
  enabled_at INTEGER,
  last_used_step INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

-- Shown once at confirmation; only SHA-256 of each (50 random bits) is kept.
CREATE TABLE two_factor_recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at INTEGER
);
CREATE INDEX two_factor_recovery_codes_user ON two_factor_recovery_codes(user_id);

-- The second sign-in step: an opaque single-use challenge handed out after the password,
-- stored as its SHA-256, with its own count of wrong codes.
CREATE TABLE two_factor_challenges (
  id INTEGER PRIMARY KEY,
  challenge_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ip TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  used_at INTEGER
);

-- Wrong codes per account (any challenge, disable, enrol), for the per-account limit.
CREATE TABLE two_factor_failures (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at INTEGER NOT NULL
);
CREATE INDEX two_factor_failures_user ON two_factor_failures(user_id, at);
