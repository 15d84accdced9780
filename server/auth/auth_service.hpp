#pragma once
// Login for staff (username) and customers (nomor layanan), opaque bearer tokens stored
// as SHA-256 hashes, and resolving a token back to a Principal with its permissions.
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "auth/login_limiter.hpp"
#include "http/request.hpp"

namespace kimonet::auth {

struct LoginResult {
    std::string token;  // shown once; only its hash is stored
    std::int64_t expires_at = 0;
    http::Principal principal;  // principal.password_change_required: the token may only change the password
    // Set instead of `token` when the account has two-factor sign-in (auth/two_factor.hpp):
    // the opaque challenge for POST /api/auth/login/two-factor; expires_at is then its expiry.
    std::string two_factor_challenge;
};

// Staff usernames are tried first, then customers' nomor layanan. Limited by login_limiter.hpp
// (per account and, for made-up names, per source; 429 with Retry-After). The token row records
// the client address and user agent, for the owner's session list.
Result<LoginResult> login(app::Context& context, std::string_view username, std::string_view password, std::int64_t ttl_seconds,
                          std::string_view user_agent = {});
// The owner changes their own password: verifies the current one (a wrong one counts as a
// failed login for the account), checks the new one, clears a forced change and revokes every
// other session of the owner.
Result<void> change_own_password(app::Context& context, const http::Principal& owner, std::string_view current_password,
                                 std::string_view new_password);
Result<void> logout(app::Context& context, std::int64_t token_id);
// 401 for unknown, expired, revoked tokens and for deactivated accounts.
Result<http::Principal> authenticate(store::Database& db, std::string_view bearer_token, std::int64_t now);
api::Json principal_json(const http::Principal& principal, std::optional<std::int64_t> customer_id);

}  // namespace kimonet::auth
