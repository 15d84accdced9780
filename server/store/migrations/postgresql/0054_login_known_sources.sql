-- The twin of migrations/0054_login_known_sources.sql: the same index, for the same reason. The
-- login limiter asks, at every sign-in of a real account, whether the account signed in from this
-- address within 30 days (auth/login_limiter.hpp, store::signed_in_from): one index entry instead of
-- every session the account ever had. It replaces the (subject_type, subject_id) index, whose
-- queries (a subject's sessions, revoking them) it answers the same way.
DROP INDEX api_tokens_subject;
CREATE INDEX api_tokens_subject ON api_tokens(subject_type, subject_id, client_ip, created_at);
