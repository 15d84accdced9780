#pragma once
// Digests, HMAC, Base64 and random ids for the simulators, straight from OpenSSL's libcrypto.
// The simulators must not share the product's crypto helpers (server/security/): a wrong helper
// would then sign and verify alike on both sides and every test would still pass.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <openssl/types.h>  // SSL_CTX

namespace kimonet::sim {

// Lower-case hex digests of `data`.
std::string sha512_hex(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string md5_hex(std::string_view data);
// Lower-case hex HMAC-SHA256 of `data` under `key`.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// Lower-case hex HMAC-SHA512 of `data` under `key` (WAHA's webhook signature).
std::string hmac_sha512_hex(std::string_view key, std::string_view data);
// Raw MD5 (RouterOS's pre-6.43 challenge login works on the bytes).
std::string md5_bytes(std::string_view data);

// Standard Base64 (RFC 4648 §4, with padding).
std::string base64_encode(std::string_view bytes);
// std::nullopt when `text` is not valid padded Base64.
std::optional<std::string> base64_decode(std::string_view text);

std::string to_hex(std::string_view bytes);
// 0–15 for a hex digit (either case), -1 otherwise.
int hex_digit_value(char c);
// `length` random lower-case hex digits.
std::string random_hex(std::size_t length);
// Compares without an early exit, so a wrong signature takes as long to refuse as a near miss.
bool same_secret(std::string_view left, std::string_view right);

// A TLS server context with a self-signed P-256 certificate for `common_name`, made at start (a
// router's `/certificate add … sign`, a fresh mail server's snakeoil certificate); clients connect
// with certificate checks off. The caller frees it with SSL_CTX_free.
SSL_CTX* self_signed_tls_context(const std::string& common_name);

}  // namespace kimonet::sim
