#include "whatsapp/webhook_payloads.hpp"

#include "api/json_fields.hpp"
#include "http/request.hpp"

namespace kimonet::whatsapp {

namespace {

std::string string_field(const api::Json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

WebhookMessage parse_fonnte_webhook(std::string_view body) {
    api::Json json = api::parse_json(body);
    if (!json.is_object()) {
        json = api::Json::object();
        for (const auto& [name, value] : http::parse_query_string(body)) json[name] = value;
    }
    WebhookMessage message;
    message.from = string_field(json, "sender");
    message.text = string_field(json, "message");
    message.message_id = string_field(json, "inboxid");
    if (message.message_id.empty()) message.message_id = string_field(json, "id");
    return message;
}

WebhookMessage parse_mpwa_webhook(std::string_view body) {
    api::Json json = api::parse_json(body);
    if (!json.is_object()) json = api::Json::object();
    WebhookMessage message;
    message.from = string_field(json, "from");
    message.text = string_field(json, "message");
    message.message_id = string_field(json, "id");
    return message;
}

Result<GowaWebhook> parse_gowa_webhook(std::string_view body) {
    const api::Json json = api::parse_json(body);
    if (!json.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    const auto payload_found = json.find("payload");
    const api::Json payload = payload_found != json.end() && payload_found->is_object() ? *payload_found : api::Json::object();
    const std::string event = string_field(json, "event");
    const auto from_me = payload.find("is_from_me");
    GowaWebhook webhook;
    webhook.ignored = (event != "message" && !event.empty()) || (from_me != payload.end() && from_me->is_boolean() && from_me->get<bool>());
    if (webhook.ignored) return webhook;
    webhook.message.from = string_field(payload, "from");
    webhook.message.text = string_field(payload, "body");
    webhook.message.message_id = string_field(payload, "id");
    return webhook;
}

}  // namespace kimonet::whatsapp
