#pragma once
// A principal's sessions (api_tokens rows): listed and revoked by their owner, revoked in bulk
// when a password changes. The token itself is never returned; only its row id.
#include <optional>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "http/request.hpp"

namespace kimonet::auth {

// Revokes every live token of the subject ("user" or "customer"), except `keep_token_id`, and a
// user's open two-factor challenges.
Result<void> revoke_sessions(app::Context& context, std::string_view subject_type, std::int64_t subject_id,
                             std::optional<std::int64_t> keep_token_id);
// The owner's live sessions, newest first: id, created_at, expires_at, client_ip, user_agent, current.
Result<api::Json> list_own_sessions(app::Context& context, const http::Principal& owner);
// Revokes one of the owner's sessions; another principal's session (or none) is 404.
Result<void> revoke_own_session(app::Context& context, const http::Principal& owner, std::int64_t session_id);

}  // namespace kimonet::auth
