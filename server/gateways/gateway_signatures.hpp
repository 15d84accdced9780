#pragma once
// The signatures of Flip, Midtrans and Duitku, exactly as specs/INTEGRATIONS.md gives them.
// Inputs are the strings as received on the wire ("300000.00" stays "300000.00").
#include <string>
#include <string_view>

namespace kimonet::gateways {

// lowercase_hex(SHA512(order_id + status_code + gross_amount + server_key)).
std::string midtrans_signature(std::string_view order_id, std::string_view status_code, std::string_view gross_amount,
                               std::string_view server_key);
// Duitku callback: lowercase_hex(MD5(merchantCode + amount + merchantOrderId + apiKey)).
std::string duitku_callback_signature(std::string_view merchant_code, std::string_view amount, std::string_view merchant_order_id,
                                      std::string_view api_key);
// Duitku inquiry: lowercase_hex(MD5(merchantCode + merchantOrderId + paymentAmount + apiKey)).
std::string duitku_inquiry_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view amount,
                                     std::string_view api_key);
// Duitku transactionStatus: lowercase_hex(MD5(merchantCode + merchantOrderId + apiKey)).
std::string duitku_status_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view api_key);
// Duitku getpaymentmethod: sha256hex(merchantCode + amount + datetime + apiKey).
std::string duitku_methods_signature(std::string_view merchant_code, std::string_view amount, std::string_view datetime,
                                     std::string_view api_key);

// Constant-time checks; an empty expected secret never verifies.
bool midtrans_signature_valid(std::string_view order_id, std::string_view status_code, std::string_view gross_amount,
                              std::string_view server_key, std::string_view signature_key);
bool duitku_callback_valid(std::string_view merchant_code, std::string_view amount, std::string_view merchant_order_id,
                           std::string_view api_key, std::string_view signature);
bool flip_token_valid(std::string_view configured_token, std::string_view received_token);

}  // namespace kimonet::gateways
