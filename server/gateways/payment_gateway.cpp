#include "gateways/payment_gateway.hpp"

#include <cstdio>

#include "gateways/gateway_http.hpp"
#include "network/peer_replies.hpp"
#include "services/settings.hpp"

namespace kimonet::gateways {

namespace {

// The most of a gateway's own words (a refusal's message) carried in an error.
constexpr std::size_t kGatewayWords = 300;

struct GatewayDefaults {
    std::string_view name;
    std::string_view sandbox;
    std::string_view production;
    std::string_view key_setting;
};

constexpr GatewayDefaults kDefaults[] = {
    {"flip", "https://bigflip.id/big_sandbox_api/v2", "https://bigflip.id/api/v2", "flip_secret_key"},
    {"midtrans", "https://api.sandbox.midtrans.com", "https://api.midtrans.com", "midtrans_server_key"},
    {"duitku", "https://sandbox.duitku.com/webapi/api", "https://passport.duitku.com/webapi/api", "duitku_api_key"},
};

std::string trim_slashes(std::string text) {
    while (!text.empty() && text.back() == '/') text.pop_back();
    return text;
}

}  // namespace

std::unique_ptr<PaymentGateway> make_payment_gateway(const GatewayConfig& config) {
    if (config.name == "flip") return make_flip_gateway(config);
    if (config.name == "midtrans") return make_midtrans_gateway(config);
    if (config.name == "duitku") return make_duitku_gateway(config);
    return nullptr;
}

Result<GatewayConfig> load_gateway_config(store::Database& db, const security::SecretBox& secrets, std::string_view name,
                                          const std::string& server_base_url) {
    const GatewayDefaults* defaults = nullptr;
    for (const auto& candidate : kDefaults)
        if (candidate.name == name) defaults = &candidate;
    if (!defaults) return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kUnknownGateway, name));
    const std::string prefix(name);
    GatewayConfig config;
    config.name = prefix;
    config.enabled = TRY(services::get_setting(db, prefix + "_enabled")) == "1";
    config.production = TRY(services::get_setting(db, prefix + "_mode")) == "production";
    config.base_url = trim_slashes(TRY(services::get_setting(db, prefix + "_base_url")));
    if (name == "midtrans") {
        config.snap = TRY(services::get_setting(db, "midtrans_api")) == "snap";
        // Snap lives on its own host (…/snap/v1/transactions); an override serves both, like the simulator.
        config.snap_base_url = !config.base_url.empty()   ? config.base_url
                               : config.production        ? std::string("https://app.midtrans.com")
                                                          : std::string("https://app.sandbox.midtrans.com");
    }
    if (config.base_url.empty()) config.base_url = std::string(config.production ? defaults->production : defaults->sandbox);
    config.key = TRY(services::get_secret_setting(db, secrets, defaults->key_setting));
    if (name == "flip") config.validation_token = TRY(services::get_secret_setting(db, secrets, "flip_validation_token"));
    if (name == "duitku") config.merchant_code = TRY(services::get_setting(db, "duitku_merchant_code"));
    config.methods = TRY(payments::parse_offered_methods(TRY(services::get_setting(db, prefix + "_methods"))));
    const std::string public_base = trim_slashes(TRY(services::get_setting(db, "public_base_url")));
    std::string base = trim_slashes(TRY(services::get_setting(db, "payment_callback_base_url")));
    if (base.empty()) base = public_base;
    if (base.empty()) base = trim_slashes(server_base_url);
    config.callback_url = base + "/payment/callback/" + prefix;
    // Midtrans' X-Override-Notification replaces the notification URL set in its dashboard. In
    // production it is sent only for a public https address: the server's own bind address (no
    // public_base_url or payment_callback_base_url configured) would send every notification
    // nowhere, where the dashboard's URL may well be right.
    if (name == "midtrans" && config.production && !base.starts_with("https://")) config.callback_url.clear();
    // The customer's browser comes back to the address customers reach, never to the callback
    // address (payment_callback_base_url exists for gateways that reach the server elsewhere).
    config.return_url = (public_base.empty() ? trim_slashes(server_base_url) : public_base) + "/billing";
    config.timeout_ms = TRY(services::get_setting_int(db, "payment_gateway_timeout_seconds")) * 1000;
    return config;
}

Result<GatewayConfig> load_callback_config(store::Database& db, const security::SecretBox& secrets, std::string_view name) {
    const GatewayDefaults* defaults = nullptr;
    for (const auto& candidate : kDefaults)
        if (candidate.name == name) defaults = &candidate;
    if (!defaults) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kUnknownGateway, name));
    GatewayConfig config;
    config.name = std::string(name);
    config.key = TRY(services::get_secret_setting(db, secrets, defaults->key_setting));
    if (name == "flip") config.validation_token = TRY(services::get_secret_setting(db, secrets, "flip_validation_token"));
    if (name == "duitku") config.merchant_code = TRY(services::get_setting(db, "duitku_merchant_code"));
    return config;
}

Result<GatewayConfig> load_status_config(store::Database& db, const security::SecretBox& secrets, std::string_view name) {
    GatewayConfig config = TRY(load_callback_config(db, secrets, name));
    const std::string prefix(name);
    config.production = TRY(services::get_setting(db, prefix + "_mode")) == "production";
    config.base_url = trim_slashes(TRY(services::get_setting(db, prefix + "_base_url")));
    for (const auto& defaults : kDefaults)
        if (defaults.name == name && config.base_url.empty()) config.base_url = std::string(config.production ? defaults.production : defaults.sandbox);
    config.timeout_ms = TRY(services::get_setting_int(db, "payment_gateway_timeout_seconds")) * 1000;
    return config;
}

std::vector<std::string> callback_config_setting_keys(std::string_view name) {
    std::vector<std::string> keys;
    for (const auto& defaults : kDefaults)
        if (defaults.name == name) keys.emplace_back(defaults.key_setting);
    if (keys.empty()) return keys;
    if (name == "flip") keys.emplace_back("flip_validation_token");
    if (name == "duitku") keys.emplace_back("duitku_merchant_code");
    return keys;
}

std::vector<std::string> status_config_setting_keys(std::string_view name) {
    std::vector<std::string> keys = callback_config_setting_keys(name);
    if (keys.empty()) return keys;
    const std::string prefix(name);
    keys.push_back(prefix + "_mode");
    keys.push_back(prefix + "_base_url");
    keys.emplace_back("payment_gateway_timeout_seconds");
    return keys;
}

Result<whatsapp::HttpAnswer> call_gateway(const std::string& gateway, const whatsapp::HttpCall& call) {
    return judge_answer(gateway, whatsapp::perform(call));
}

Result<whatsapp::HttpAnswer> judge_answer(const std::string& gateway, whatsapp::HttpAnswer answer) {
    if (answer.status == 0)
        return make_error(ErrorCode::BadGateway,
                          messages::with_detail(messages::kGatewayUnreachable, gateway + ": " + (answer.timed_out ? "timeout" : answer.transport_error)));
    if (answer.status >= 500) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayFailing, gateway + ": HTTP " + std::to_string(answer.status)));
    if (answer.status == 401 || answer.status == 403)
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayRejectedApiKey, gateway));
    if (answer.status >= 400) {
        const api::Json body = api::parse_json(answer.body);
        std::string message;
        if (body.is_object()) {
            for (const char* field : {"message", "status_message", "statusMessage", "Message"})
                if (message.empty()) message = json_string(body, field);
            if (message.empty() && body.contains("errors") && body["errors"].is_array() && !body["errors"].empty() &&
                body["errors"][0].is_object())
                message = json_string(body["errors"][0], "message");
            if (message.empty() && body.contains("error_messages") && body["error_messages"].is_array() && !body["error_messages"].empty() &&
                body["error_messages"][0].is_string())
                message = body["error_messages"][0].get<std::string>();
        }
        // The gateway's words reach the admin's screen, the payer's page and the logs: bounded and
        // with no control characters, whatever the gateway sent.
        if (message.empty()) message = answer.body;
        return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kGatewayRejectedRequest, gateway + ": " + network::peer_words(message, kGatewayWords)));
    }
    return answer;
}

std::string gateway_words(const api::Json& object, const char* name) { return network::peer_words(json_string(object, name), kGatewayWords); }

Result<api::Json> json_answer(const std::string& gateway, const whatsapp::HttpAnswer& answer) {
    api::Json body = api::parse_json(answer.body);
    if (!body.is_object()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayUnknownFormat, gateway));
    return body;
}

std::string gateway_local_minutes(std::int64_t unix_seconds, UtcOffset offset) {
    const LocalDateTime local = local_from_unix(unix_seconds, offset);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", local.date.year, local.date.month, local.date.day, local.hour,
                  local.minute);
    return buffer;
}

}  // namespace kimonet::gateways
