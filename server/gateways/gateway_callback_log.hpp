#pragma once
// What of a callback body may be kept: credentials never (the Flip validation token travels in
// every Flip callback), and of a callback we did not believe only a bounded digest, so forged
// bodies cannot fill the disk.
#include <cstddef>
#include <string>
#include <string_view>

namespace kimonet::gateways {

// The body with the value of every credential field (token, keys, secrets, passwords) replaced
// by "[redacted]": form bodies pair by pair (the rest kept byte for byte), JSON objects at any
// depth. Signatures are kept: they are derived from a key, not the key, and prove authenticity.
std::string redact_credentials(std::string_view body);

struct CallbackDigest {
    std::string sha256;  // of the redacted body: identical forgeries are recognisable
    std::string prefix;  // its first kDigestPrefixBytes bytes (whole UTF-8 characters only)
    std::size_t size = 0;  // the size of the body as received
};
inline constexpr std::size_t kDigestPrefixBytes = 256;
CallbackDigest digest_callback(std::string_view body);

}  // namespace kimonet::gateways
