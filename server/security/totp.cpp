#include "security/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

#include "security/crypto.hpp"

namespace kimonet::security {

namespace {
constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}

std::string base32_encode(std::string_view bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char character : text) {
        if (character == ' ' || character == '=' || character == '-') continue;
        int value;
        if (character >= 'A' && character <= 'Z') value = character - 'A';
        else if (character >= 'a' && character <= 'z') value = character - 'a';
        else if (character >= '2' && character <= '7') value = character - '2' + 26;
        else return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
            bits -= 8;
        }
    }
    return out;
}

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
    std::array<unsigned char, 8> message{};
    for (int index = 7; index >= 0; --index) {
        message[static_cast<std::size_t>(index)] = static_cast<unsigned char>(counter & 0xFF);
        counter >>= 8;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message.data(), message.size(), digest, &digest_length);
    // RFC 4226 §5.3 dynamic truncation.
    const unsigned offset = digest[digest_length - 1] & 0x0F;
    const std::uint32_t binary = (static_cast<std::uint32_t>(digest[offset] & 0x7F) << 24) |
                                 (static_cast<std::uint32_t>(digest[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(digest[offset + 2]) << 8) | digest[offset + 3];
    std::uint32_t modulus = 1;
    for (int index = 0; index < digits; ++index) modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string totp(std::string_view key, std::int64_t unix_seconds, int digits) {
    return hotp(key, static_cast<std::uint64_t>(totp_step(unix_seconds)), digits);
}

std::optional<std::int64_t> totp_matching_step(std::string_view key, std::string_view code, std::int64_t unix_seconds) {
    if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
    for (char character : code)
        if (character < '0' || character > '9') return std::nullopt;
    const std::int64_t now_step = totp_step(unix_seconds);
    std::optional<std::int64_t> matched;
    // Every candidate is computed and compared, so the time taken does not say which matched.
    for (std::int64_t step = now_step - 1; step <= now_step + 1; ++step)
        if (constant_time_equals(hotp(key, static_cast<std::uint64_t>(step)), code) && !matched) matched = step;
    return matched;
}

}  // namespace kimonet::security
