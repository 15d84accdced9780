#pragma once
// Login for staff (username) and customers (nomor layanan), opaque bearer tokens stored
// as SHA-256 hashes, and resolving a token back to a Principal with its permissions.
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "http/request.hpp"

namespace kimonet::auth {

inline constexpr int kMaxFailedLogins = 5;
inline constexpr std::int64_t kLoginWindowSeconds = 15 * 60;

struct LoginResult {
    std::string token;  // shown once; only its hash is stored
    std::int64_t expires_at = 0;
    http::Principal principal;
    // Set instead of `token` when the account has two-factor sign-in (auth/two_factor.hpp):
    // the opaque challenge for POST /api/auth/login/two-factor; expires_at is then its expiry.
    std::string two_factor_challenge;
};

// Staff usernames are tried first, then customers' nomor layanan. After kMaxFailedLogins
// failures for one account or one IP within kLoginWindowSeconds, answers 429 until the
// oldest failure leaves the window (even for the right password).
Result<LoginResult> login(app::Context& context, std::string_view username, std::string_view password, std::int64_t ttl_seconds);
Result<void> logout(app::Context& context, std::int64_t token_id);
// 401 for unknown, expired, revoked tokens and for deactivated accounts.
Result<http::Principal> authenticate(store::Database& db, std::string_view bearer_token, std::int64_t now);
api::Json principal_json(const http::Principal& principal, std::optional<std::int64_t> customer_id);

}  // namespace kimonet::auth
