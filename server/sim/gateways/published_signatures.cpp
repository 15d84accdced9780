#include "sim/gateways/published_signatures.hpp"

#include "sim/sim_crypto.hpp"

namespace kimonet::sim {

std::string midtrans_signature_key(std::string_view order_id, std::string_view status_code, std::string_view gross_amount,
                                   std::string_view server_key) {
    std::string text;
    text.append(order_id).append(status_code).append(gross_amount).append(server_key);
    return sha512_hex(text);
}

std::string duitku_inquiry_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view payment_amount,
                                     std::string_view api_key) {
    std::string text;
    text.append(merchant_code).append(merchant_order_id).append(payment_amount).append(api_key);
    return md5_hex(text);
}

std::string duitku_status_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view api_key) {
    std::string text;
    text.append(merchant_code).append(merchant_order_id).append(api_key);
    return md5_hex(text);
}

std::string duitku_callback_signature(std::string_view merchant_code, std::string_view amount, std::string_view merchant_order_id,
                                      std::string_view api_key) {
    std::string text;
    text.append(merchant_code).append(amount).append(merchant_order_id).append(api_key);
    return md5_hex(text);
}

std::string duitku_payment_method_signature(std::string_view merchant_code, std::string_view amount, std::string_view datetime,
                                            std::string_view api_key) {
    std::string text;
    text.append(merchant_code).append(amount).append(datetime).append(api_key);
    return sha256_hex(text);
}

}  // namespace kimonet::sim
