#pragma once
// What the three adapters share: one HTTP call with the gateway's name in every error, and the
// adapters' constructors (picked by make_payment_gateway).
#include <memory>

#include "api/json_fields.hpp"
#include "gateways/payment_gateway.hpp"
#include "whatsapp/http_client.hpp"

namespace kimonet::gateways {

// Performs `call`; a transport failure, timeout or 5xx is BadGateway, 401/403 is BadGateway
// (our keys are wrong), another 4xx is ValidationFailed carrying the gateway's own message.
Result<whatsapp::HttpAnswer> call_gateway(const std::string& gateway, const whatsapp::HttpCall& call);
// The same judgement of an answer already received.
Result<whatsapp::HttpAnswer> judge_answer(const std::string& gateway, whatsapp::HttpAnswer answer);
// The body as a JSON object or BadGateway.
Result<api::Json> json_answer(const std::string& gateway, const whatsapp::HttpAnswer& answer);
std::string json_string(const api::Json& object, const char* name);  // strings and numbers as text
// json_string for an error we raise: the gateway's words at most 300 bytes, printable (peer_words).
std::string gateway_words(const api::Json& object, const char* name);
// "YYYY-MM-DD HH:mm" (Flip expired_date) of `unix_seconds` at `offset`.
std::string gateway_local_minutes(std::int64_t unix_seconds, UtcOffset offset);

std::unique_ptr<PaymentGateway> make_flip_gateway(const GatewayConfig& config);
std::unique_ptr<PaymentGateway> make_midtrans_gateway(const GatewayConfig& config);
std::unique_ptr<PaymentGateway> make_duitku_gateway(const GatewayConfig& config);

}  // namespace kimonet::gateways
