#include "gateways/gateway_signatures.hpp"

#include <algorithm>
#include <cctype>

#include "security/crypto.hpp"

namespace kimonet::gateways {

namespace {

std::string concat(std::initializer_list<std::string_view> parts) {
    std::string joined;
    for (auto part : parts) joined += part;
    return joined;
}

// Hex digests are compared case-insensitively (some senders upper-case them).
std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

std::string midtrans_signature(std::string_view order_id, std::string_view status_code, std::string_view gross_amount,
                               std::string_view server_key) {
    return security::sha512_hex(concat({order_id, status_code, gross_amount, server_key}));
}

std::string duitku_callback_signature(std::string_view merchant_code, std::string_view amount, std::string_view merchant_order_id,
                                      std::string_view api_key) {
    return security::md5_hex(concat({merchant_code, amount, merchant_order_id, api_key}));
}

std::string duitku_inquiry_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view amount,
                                     std::string_view api_key) {
    return security::md5_hex(concat({merchant_code, merchant_order_id, amount, api_key}));
}

std::string duitku_status_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view api_key) {
    return security::md5_hex(concat({merchant_code, merchant_order_id, api_key}));
}

std::string duitku_methods_signature(std::string_view merchant_code, std::string_view amount, std::string_view datetime,
                                     std::string_view api_key) {
    return security::sha256_hex(concat({merchant_code, amount, datetime, api_key}));
}

bool midtrans_signature_valid(std::string_view order_id, std::string_view status_code, std::string_view gross_amount,
                              std::string_view server_key, std::string_view signature_key) {
    if (server_key.empty()) return false;
    return security::constant_time_equals(midtrans_signature(order_id, status_code, gross_amount, server_key), lower(signature_key));
}

bool duitku_callback_valid(std::string_view merchant_code, std::string_view amount, std::string_view merchant_order_id,
                           std::string_view api_key, std::string_view signature) {
    if (api_key.empty()) return false;
    return security::constant_time_equals(duitku_callback_signature(merchant_code, amount, merchant_order_id, api_key), lower(signature));
}

bool flip_token_valid(std::string_view configured_token, std::string_view received_token) {
    return !configured_token.empty() && security::constant_time_equals(configured_token, received_token);
}

}  // namespace kimonet::gateways
