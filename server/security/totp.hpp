#pragma once
// Time-based one-time passwords: HOTP (RFC 4226) with HMAC-SHA1 and TOTP (RFC 6238) over
// 30-second steps, plus the RFC 4648 base32 that authenticator apps expect for the secret.
// Pure functions: the caller supplies the time (from the Clock) and stores what was used.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::security {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// Upper-case RFC 4648 base32 without padding (what otpauth:// URIs carry).
std::string base32_encode(std::string_view bytes);
// Accepts upper or lower case, ignores spaces and '=' padding; nullopt on any other character.
std::optional<std::string> base32_decode(std::string_view text);

// RFC 4226: the `digits`-digit code for `counter`, zero-padded.
std::string hotp(std::string_view key, std::uint64_t counter, int digits = kTotpDigits);
// RFC 6238 time step of `unix_seconds`.
inline std::int64_t totp_step(std::int64_t unix_seconds) { return unix_seconds / kTotpStepSeconds; }
std::string totp(std::string_view key, std::int64_t unix_seconds, int digits = kTotpDigits);

// The time step whose code equals `code`, trying now-1, now, now+1 (clock drift of one step
// either way); nullopt when none matches or `code` is not six digits. Constant-time per compare.
std::optional<std::int64_t> totp_matching_step(std::string_view key, std::string_view code, std::int64_t unix_seconds);

}  // namespace kimonet::security
