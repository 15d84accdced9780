#include "security/crypto.hpp"
#include "security/hmac_sha512.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <cstring>

#include "security/base64.hpp"

namespace kimonet::security {

Result<void> ensure_sodium() {
    if (sodium_init() < 0) return make_error(ErrorCode::Internal, messages::kSodiumInitFailed);
    return {};
}

std::string to_hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(kDigits[c >> 4]);
        out.push_back(kDigits[c & 0xF]);
    }
    return out;
}

static std::string digest_hex(const EVP_MD* algorithm, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, algorithm, nullptr);
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string sha256_hex(std::string_view data) { return digest_hex(EVP_sha256(), data); }
std::string sha512_hex(std::string_view data) { return digest_hex(EVP_sha512(), data); }
std::string md5_hex(std::string_view data) { return digest_hex(EVP_md5(), data); }

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), digest, &length);
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string hmac_sha512_hex(std::string_view key, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), digest, &length);
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string random_token(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string base64(std::string_view bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

bool constant_time_equals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

static bool minimum_cost() {
    const char* cost = std::getenv("KIMONET_PASSWORD_COST");
    return cost && std::strcmp(cost, "min") == 0;
}

namespace {

std::mutex g_hash_mutex;
std::condition_variable g_hash_freed;
int g_hashes_running = 0;
int g_hashes_peak = 0;

// One of kConcurrentPasswordHashes places, held for one hash or verification.
class HashSlot {
public:
    HashSlot() {
        std::unique_lock lock(g_hash_mutex);
        g_hash_freed.wait(lock, [] { return g_hashes_running < kConcurrentPasswordHashes; });
        g_hashes_peak = std::max(g_hashes_peak, ++g_hashes_running);
    }
    ~HashSlot() {
        {
            std::lock_guard lock(g_hash_mutex);
            --g_hashes_running;
        }
        g_hash_freed.notify_one();
    }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

int password_hash_peak() {
    std::lock_guard lock(g_hash_mutex);
    return g_hashes_peak;
}

void reset_password_hash_peak() {
    std::lock_guard lock(g_hash_mutex);
    g_hashes_peak = g_hashes_running;
}

std::string hash_password(std::string_view password) {
    const HashSlot slot;
    char out[crypto_pwhash_STRBYTES];
    const bool minimum = minimum_cost();
    const auto ops = minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto memory = minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, memory, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return out;
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
    if (stored_hash.empty()) return false;
    const HashSlot slot;
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace kimonet::security
