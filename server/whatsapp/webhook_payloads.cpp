#include "whatsapp/webhook_payloads.hpp"

#include "api/json_fields.hpp"
#include "http/request.hpp"
#include "security/crypto.hpp"

namespace kimonet::whatsapp {

namespace {

std::string string_field(const api::Json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// An id or a timestamp as text: a string as it is, an integer written out.
std::string id_field(const api::Json& object, const char* name) {
    auto found = object.find(name);
    if (found == object.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number_integer() || found->is_number_unsigned()) return found->dump();
    return {};
}

// A chat that is not a conversation with one person: a group, a channel, status updates.
bool is_group_chat(std::string_view jid) {
    return jid.ends_with("@g.us") || jid.ends_with("@newsletter") || jid.ends_with("@broadcast");
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
    message.message_id = id_field(json, "inboxid");
    if (message.message_id.empty()) message.message_id = id_field(json, "id");
    // Without an id (inboxid comes with Fonnte's inbox feature only), the sender, the WhatsApp
    // timestamp Fonnte adds and the text name the message: Fonnte retries a webhook every minute,
    // and each retry must read as the same message.
    const std::string timestamp = id_field(json, "timestamp");
    if (message.message_id.empty() && !timestamp.empty() && !message.from.empty())
        message.message_id = "t" + timestamp + "-" + security::sha256_hex(message.from + "|" + message.text).substr(0, 16);
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
    // Groups, channels and status updates (payload.chat_id "…@g.us", "…@newsletter",
    // "status@broadcast") are not a customer writing to us, even when from is a person.
    webhook.ignored = (event != "message" && !event.empty()) || (from_me != payload.end() && from_me->is_boolean() && from_me->get<bool>()) ||
                      is_group_chat(string_field(payload, "chat_id")) || is_group_chat(string_field(payload, "from"));
    if (webhook.ignored) return webhook;
    webhook.message.from = string_field(payload, "from");
    webhook.message.text = string_field(payload, "body");
    webhook.message.message_id = string_field(payload, "id");
    return webhook;
}

}  // namespace kimonet::whatsapp
