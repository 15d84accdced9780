#pragma once
// HMAC-SHA512 (WAHA signs its webhooks with it), beside the other digests in security/crypto.cpp;
// a header of its own so that the many users of crypto.hpp are not rebuilt for one verifier.
#include <string>
#include <string_view>

namespace kimonet::security {

// Lower-case hex HMAC-SHA512 of `data` under `key`.
std::string hmac_sha512_hex(std::string_view key, std::string_view data);

}  // namespace kimonet::security
