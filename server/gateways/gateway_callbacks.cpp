#include "gateways/gateway_callbacks.hpp"

#include "core/text.hpp"
#include "gateways/gateway_http.hpp"
#include "gateways/gateway_signatures.hpp"
#include "http/request.hpp"

namespace kimonet::gateways {

namespace {

Error malformed(const std::string& gateway, const std::string& why) {
    return make_error(ErrorCode::BadRequest, messages::with_detail(messages::kInvalidCallback, gateway + ": " + why));
}

// Flip's and Duitku's callbacks are form posts (check_callback_content_type has made sure).
std::map<std::string, std::string> fields_of(std::string_view body) { return http::parse_query_string(body); }

// "Application/JSON ; charset=UTF-8" -> "application/json".
std::string callback_media_type(std::string_view content_type) {
    return to_lower_ascii(trim_copy(content_type.substr(0, content_type.find(';'))));
}

std::string field(const std::map<std::string, std::string>& fields, const char* name) {
    auto found = fields.find(name);
    return found == fields.end() ? std::string() : found->second;
}

Result<GatewayEvent> flip_event(const GatewayConfig& config, std::string_view body) {
    const auto fields = fields_of(body);
    if (!flip_token_valid(config.validation_token, field(fields, "token")))
        return make_error(ErrorCode::Unauthorized, messages::kFlipCallbackTokenMismatch);
    const api::Json data = api::parse_json(field(fields, "data"));
    if (!data.is_object()) return malformed("Flip", "data bukan JSON");
    GatewayEvent event;
    event.reference = json_string(data, "bill_link_id");
    event.transaction_id = json_string(data, "id");
    event.status = payments::flip_status(json_string(data, "status"));
    event.amount_text = json_string(data, "amount");
    event.amount = payments::parse_gateway_amount(event.amount_text);
    if (event.reference.empty() || event.status == payments::GatewayStatus::Unknown) return malformed("Flip", "bill_link_id/status");
    if (!event.amount) return malformed("Flip", "amount tidak terbaca");
    return event;
}

Result<GatewayEvent> midtrans_event(const GatewayConfig& config, std::string_view body) {
    const api::Json json = api::parse_json(body);
    if (!json.is_object()) return malformed("Midtrans", "body bukan JSON");
    GatewayEvent event;
    event.order_id = json_string(json, "order_id");
    event.amount_text = json_string(json, "gross_amount");
    const std::string status_code = json_string(json, "status_code");
    if (event.order_id.empty() || status_code.empty() || event.amount_text.empty()) return malformed("Midtrans", "order_id/status_code/gross_amount");
    if (!midtrans_signature_valid(event.order_id, status_code, event.amount_text, config.key, json_string(json, "signature_key")))
        return make_error(ErrorCode::Forbidden, messages::kMidtransSignatureMismatch);
    // transaction_status is not signed: it must agree with the signed status_code.
    const std::string transaction_status = json_string(json, "transaction_status");
    if (!midtrans_status_code_matches(status_code, transaction_status))
        return malformed("Midtrans", "status_code " + status_code.substr(0, 8) + " tidak sesuai transaction_status");
    event.transaction_id = json_string(json, "transaction_id");
    event.status = payments::midtrans_status(transaction_status, json_string(json, "fraud_status"));
    event.status_text = transaction_status;
    // A capture under status_code 201 is one under challenge, whatever the unsigned fraud_status says.
    if (event.status == payments::GatewayStatus::Paid && status_code != "200")
        return malformed("Midtrans", "status_code " + status_code.substr(0, 8) + " bukan pembayaran berhasil");
    event.amount = payments::parse_gateway_amount(event.amount_text);
    if (!event.amount) return malformed("Midtrans", "gross_amount tidak terbaca");
    return event;
}

Result<GatewayEvent> duitku_event(const GatewayConfig& config, std::string_view body) {
    const auto fields = fields_of(body);
    GatewayEvent event;
    event.order_id = field(fields, "merchantOrderId");
    event.amount_text = field(fields, "amount");
    const std::string merchant_code = field(fields, "merchantCode");
    if (event.order_id.empty() || event.amount_text.empty() || merchant_code.empty()) return malformed("Duitku", "merchantOrderId/amount/merchantCode");
    if (merchant_code != config.merchant_code ||
        !duitku_callback_valid(merchant_code, event.amount_text, event.order_id, config.key, field(fields, "signature")))
        return make_error(ErrorCode::BadRequest, messages::kDuitkuSignatureMismatch);
    event.transaction_id = field(fields, "reference");
    event.status = payments::duitku_callback_status(field(fields, "resultCode"));
    event.amount = payments::parse_gateway_amount(event.amount_text);
    if (!event.amount) return malformed("Duitku", "amount tidak terbaca");
    return event;
}

}  // namespace

bool midtrans_status_code_matches(std::string_view status_code, std::string_view transaction_status) {
    auto any_of = [&](std::initializer_list<std::string_view> statuses) {
        for (auto status : statuses)
            if (transaction_status == status) return true;
        return false;
    };
    if (status_code == "200")
        return any_of({"capture", "settlement", "authorize", "cancel", "refund", "partial_refund", "chargeback", "partial_chargeback"});
    if (status_code == "201") return any_of({"pending", "capture"});
    if (status_code == "202") return any_of({"deny", "cancel", "failure", "expire"});
    if (status_code == "407") return any_of({"expire"});
    return false;
}

Result<void> check_callback_content_type(std::string_view gateway, std::string_view content_type) {
    const std::string_view expected = gateway == "midtrans" ? "application/json" : "application/x-www-form-urlencoded";
    if (callback_media_type(content_type) == expected) return success();
    return make_error(ErrorCode::UnsupportedMediaType, messages::with_detail(messages::kUnsupportedMediaType, std::string(gateway) + ": " + std::string(expected)));
}

Result<GatewayEvent> verify_callback(const GatewayConfig& config, std::string_view body) {
    if (config.name == "flip") return flip_event(config, body);
    if (config.name == "midtrans") return midtrans_event(config, body);
    if (config.name == "duitku") return duitku_event(config, body);
    return make_error(ErrorCode::NotFound, messages::kUnknownGateway);
}

}  // namespace kimonet::gateways
