#pragma once
// Staff two-factor sign-in: TOTP (RFC 6238) enrolment with a QR code, ten one-time recovery
// codes, the second sign-in step behind an opaque single-use challenge, and the per-role rule
// that a user must enrol before doing anything else. Customers never have a second factor.
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "auth/auth_service.hpp"
#include "http/request.hpp"

namespace kimonet::auth {

inline constexpr std::int64_t kTwoFactorChallengeSeconds = 5 * 60;
// A challenge accepts this many answers, right or wrong; then the password is needed again.
inline constexpr int kMaxAnswersPerChallenge = 5;
// Wrong codes for one account (every challenge, enrol and disable together) within the window.
inline constexpr int kMaxWrongCodesPerAccount = 10;
inline constexpr std::int64_t kWrongCodeWindowSeconds = 15 * 60;
inline constexpr int kRecoveryCodeCount = 10;

Result<bool> two_factor_enabled(store::Database& db, std::int64_t user_id);
// The user's role demands a second factor and the user has none enabled yet.
Result<bool> two_factor_enrollment_required(store::Database& db, std::int64_t user_id);
// The routes a user in that state may still call: /api/me, logout, enrol and confirm.
bool allowed_before_two_factor_enrollment(std::string_view method, std::string_view pattern);

// Called by login() once the password is verified: a LoginResult carrying only a challenge.
Result<LoginResult> start_two_factor_challenge(app::Context& context, std::int64_t user_id);

struct TwoFactorAnswer {
    std::string code;           // six digits from the authenticator
    std::string recovery_code;  // or one of the recovery codes ("xxxxx-xxxxx")
};
// The second step: the normal token answer, or 422 (wrong code), 401 (unknown/expired/used
// challenge), 429 (too many answers for this challenge or wrong codes for this account).
Result<LoginResult> complete_two_factor_login(app::Context& context, std::string_view challenge, const TwoFactorAnswer& answer,
                                              std::int64_t ttl_seconds);

struct Enrollment {
    std::string secret;  // base32, to type into an authenticator by hand
    std::string otpauth_uri;
    api::Json qr;  // {"size":N,"rows":["0101…",…]} (1 = dark module)
};
// A fresh secret, pending until confirmed (a second call replaces a pending one); 409 when enabled.
Result<Enrollment> begin_two_factor_enrollment(app::Context& context, const http::Principal& user, std::string_view password);
// Enables two-factor with a current code; returns the recovery codes (only their hashes are kept)
// and ends the user's other sessions.
Result<std::vector<std::string>> confirm_two_factor_enrollment(app::Context& context, const http::Principal& user,
                                                               std::string_view code);
Result<void> disable_two_factor(app::Context& context, const http::Principal& user, std::string_view password,
                                const TwoFactorAnswer& answer);
// {"enabled","pending","required_by_role","enrollment_required","recovery_codes_left"}
Result<api::Json> two_factor_status(store::Database& db, const http::Principal& user);
Result<void> set_role_requires_two_factor(app::Context& context, std::int64_t role_id, bool required);

// The QR code of `text` (libqrencode, error correction M) as rows of '0'/'1'.
Result<api::Json> qr_matrix(std::string_view text);

}  // namespace kimonet::auth
