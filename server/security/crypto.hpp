#pragma once
// Hashing, HMAC, random tokens and constant-time comparison, in one place.
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet::security {

Result<void> ensure_sodium();
std::string to_hex(std::string_view bytes);
std::string sha256_hex(std::string_view data);
std::string sha512_hex(std::string_view data);
std::string md5_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
// Constant-time equality (length is not secret).
bool constant_time_equals(std::string_view a, std::string_view b);

// argon2id (libsodium crypto_pwhash_str). Cost "interactive" by default; KIMONET_PASSWORD_COST=min
// selects libsodium's minimum for throwaway test databases.
// At most kConcurrentPasswordHashes run at once (each takes 64 MiB at the interactive cost, and
// every HTTP thread may be in a login: 16 threads would take 1 GiB); the others wait their turn.
inline constexpr int kConcurrentPasswordHashes = 4;
std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);
// The most hashes that ran at once since the last reset (tests).
int password_hash_peak();
void reset_password_hash_peak();

}  // namespace kimonet::security
