#pragma once
// Encrypts secrets at rest (router passwords, gateway keys) with libsodium's secretbox
// (XSalsa20-Poly1305). The key comes from KIMONET_SECRET_KEY (64 hex chars) or a key
// file generated next to the database on first start.
#include <array>
#include <string>

#include "core/result.hpp"

namespace kimonet::security {

class SecretBox {
public:
    static constexpr std::size_t kKeySize = 32;
    explicit SecretBox(const std::array<unsigned char, kKeySize>& key) : m_key(key) {}

    // Loads the key from `hex_key` when non-empty, else from `key_file` (created 0600 if missing).
    static Result<SecretBox> load(const std::string& hex_key, const std::string& key_file);

    std::string seal(std::string_view plaintext) const;         // nonce || ciphertext
    Result<std::string> open(std::string_view sealed) const;    // fails on tampering or a wrong key

private:
    std::array<unsigned char, kKeySize> m_key;
};

}  // namespace kimonet::security
