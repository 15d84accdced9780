#pragma once
// RFC 4648 §4 Base64 with padding, the one implementation (libsodium's, in security/crypto.cpp): HTTP
// Basic credentials (RFC 7617) for the payment gateways, RouterOS REST and FreeRADIUS's caller check.
#include <string>
#include <string_view>

namespace kimonet::security {

std::string base64(std::string_view bytes);

}  // namespace kimonet::security
