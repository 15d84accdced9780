#include "security/secret_box.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "security/crypto.hpp"

namespace kimonet::security {

static Result<std::array<unsigned char, SecretBox::kKeySize>> key_from_hex(std::string_view hex) {
    std::array<unsigned char, SecretBox::kKeySize> key{};
    std::size_t length = 0;
    if (hex.size() != 2 * SecretBox::kKeySize ||
        sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != key.size())
        return make_error(ErrorCode::Internal, messages::kSecretKeyFormat);
    return key;
}

Result<SecretBox> SecretBox::load(const std::string& hex_key, const std::string& key_file) {
    TRY_VOID(ensure_sodium());
    if (!hex_key.empty()) return SecretBox(TRY(key_from_hex(hex_key)));
    {
        std::ifstream in(key_file);
        if (in) {
            std::stringstream text;
            text << in.rdbuf();
            std::string hex = text.str();
            while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' ')) hex.pop_back();
            // A key file left readable by others (an older install, a copy) is tightened.
            ::chmod(key_file.c_str(), 0600);
            return SecretBox(TRY(key_from_hex(hex)));
        }
    }
    std::array<unsigned char, kKeySize> key{};
    crypto_secretbox_keygen(key.data());
    const std::string hex = to_hex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
    // O_EXCL|0600: the key is never readable by anyone else, not even for a moment, and an
    // existing file (or a planted symlink) is never overwritten.
    const int fd = ::open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotCreateKeyFile, key_file + ": " + std::strerror(errno)));
    const std::string line = hex + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotWriteKeyFile, key_file));
    return SecretBox(key);
}

std::string SecretBox::seal(std::string_view plaintext) const {
    std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                          plaintext.size(), nonce, m_key.data());
    return out;
}

Result<std::string> SecretBox::open(std::string_view sealed) const {
    if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return make_error(ErrorCode::Internal, messages::kSealedSecretTruncated);
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
    std::string out(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()), nonce + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, nonce, m_key.data()) != 0)
        return make_error(ErrorCode::Internal, messages::kCannotDecryptSecret);
    return out;
}

}  // namespace kimonet::security
