#pragma once
// The gateways' signature formulas, written from each gateway's published documentation (not
// from server/gateways/, which the simulator is there to check). Inputs are the strings exactly
// as they travel on the wire: "150000.00" stays "150000.00".
#include <string>
#include <string_view>

namespace kimonet::sim {

// Midtrans HTTP notification and GET /v2/{id}/status: signature_key =
// SHA512(order_id + status_code + gross_amount + ServerKey), lower-case hex.
// https://docs.midtrans.com/docs/https-notification-webhooks ("Verifying Notification Authenticity"),
// https://docs.midtrans.com/reference/handle-async-payment
std::string midtrans_signature_key(std::string_view order_id, std::string_view status_code, std::string_view gross_amount,
                                   std::string_view server_key);

// Duitku, https://docs.duitku.com/api/en/ :
//   POST /merchant/v2/inquiry           signature = MD5(merchantCode + merchantOrderId + paymentAmount + apiKey)
//   POST /merchant/transactionStatus    signature = MD5(merchantCode + merchantOrderId + apiKey)
//   callback (form POST to callbackUrl) signature = MD5(merchantCode + amount + merchantOrderId + apiKey)
//   POST /merchant/paymentmethod/getpaymentmethod  signature = SHA256(merchantcode + paymentAmount + datetime + apiKey)
std::string duitku_inquiry_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view payment_amount,
                                     std::string_view api_key);
std::string duitku_status_signature(std::string_view merchant_code, std::string_view merchant_order_id, std::string_view api_key);
std::string duitku_callback_signature(std::string_view merchant_code, std::string_view amount, std::string_view merchant_order_id,
                                      std::string_view api_key);
std::string duitku_payment_method_signature(std::string_view merchant_code, std::string_view amount, std::string_view datetime,
                                            std::string_view api_key);

// Flip signs nothing: API calls carry `Authorization: Basic base64(secret_key + ":")` and the
// accept-payment callback is a form POST of `data` (JSON) and `token` (the validation token from
// the Flip for Business dashboard), which the merchant compares with its own copy.
// https://docs.flip.id/ ("Authentication", "Callback"), https://beta-docs-flip.netlify.app/docs/handling-notification

}  // namespace kimonet::sim
