#pragma once
// Sessions: the api_tokens rows behind bearer tokens (only a token's SHA-256 is stored).
// Write functions assume the caller holds the transaction when it needs one (Database::transaction).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct NewApiToken {
    std::string token_hash;
    std::string subject_type;  // "user" or "customer"
    std::int64_t subject_id = 0;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    std::string client_ip;
    std::string user_agent;  // "" when unknown (the column's default)
};

struct ApiTokenRow {
    std::int64_t id = 0;
    std::string subject_type;
    std::int64_t subject_id = 0;
    std::int64_t expires_at = 0;
    bool revoked = false;
};

struct SessionRow {
    std::int64_t id = 0;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    std::string client_ip;
    std::string user_agent;
};

// Sessions kept per subject (staff user or customer): signing in again and again (a script with
// the right password) cannot grow the table without bound. Ended ones (signed out, revoked,
// expired) beyond the subject's newest kKeptEndedSessionsPerSubject rows are deleted (what remains
// is the sign-ins the owner lists and the login limiter's known addresses); live ones beyond its
// newest kMaxLiveSessionsPerSubject rows are deleted too, and so end — far more than any person
// or integration holds within a token's life.
inline constexpr int kKeptEndedSessionsPerSubject = 50;
inline constexpr int kMaxLiveSessionsPerSubject = 1000;
// The new token's row id; the subject's rows beyond the bounds above are deleted.
Result<std::int64_t> insert_api_token(Database& db, const NewApiToken& token);
// Whether the subject signed in from `client_ip` (a session was made there, revoked or not) after
// `since`: the login limiter gives such an address a limit of its own.
Result<bool> signed_in_from(Database& db, std::string_view subject_type, std::int64_t subject_id, std::string_view client_ip, std::int64_t since);
Result<std::optional<ApiTokenRow>> find_api_token(Database& db, std::string_view token_hash);
// Revokes one token (a no-op when it is already revoked).
Result<void> revoke_api_token(Database& db, std::int64_t token_id, std::int64_t now);
// Revokes every live token of the subject except `keep_token_id` (0 keeps none).
Result<void> revoke_subject_tokens(Database& db, std::string_view subject_type, std::int64_t subject_id, std::int64_t keep_token_id,
                                   std::int64_t now);
// The subject's live (unrevoked, unexpired at `now`) tokens, newest first.
Result<std::vector<SessionRow>> list_live_subject_tokens(Database& db, std::string_view subject_type, std::int64_t subject_id,
                                                         std::int64_t now);
// Revokes the live token `token_id` only if it belongs to the subject; false when there is none such.
Result<bool> revoke_live_subject_token(Database& db, std::int64_t token_id, std::string_view subject_type, std::int64_t subject_id,
                                       std::int64_t now);

}  // namespace kimonet::store
