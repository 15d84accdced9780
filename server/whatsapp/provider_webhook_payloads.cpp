#include "whatsapp/provider_webhook_payloads.hpp"

#include "api/json_fields.hpp"
#include "http/request.hpp"

namespace kimonet::whatsapp {

namespace {

// A field as text: strings as they are, numbers and booleans written out (form bodies and
// gateways that send ids as numbers), anything else empty.
std::string provider_field_text(const api::Json& object, const char* name) {
    if (!object.is_object()) return {};
    const auto found = object.find(name);
    if (found == object.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number() || found->is_boolean()) return found->dump();
    return {};
}

bool provider_field_true(const api::Json& object, const char* name) {
    const std::string text = provider_field_text(object, name);
    return text == "true" || text == "1";
}

const api::Json& provider_object(const api::Json& object, const char* name) {
    static const api::Json empty = api::Json::object();
    if (!object.is_object()) return empty;
    const auto found = object.find(name);
    return found != object.end() && found->is_object() ? *found : empty;
}

const api::Json& provider_array(const api::Json& object, const char* name) {
    static const api::Json empty = api::Json::array();
    if (!object.is_object()) return empty;
    const auto found = object.find(name);
    return found != object.end() && found->is_array() ? *found : empty;
}

}  // namespace

ProviderWebhook parse_wablas_webhook(std::string_view body) {
    api::Json json = api::parse_json(body);
    if (!json.is_object()) {
        json = api::Json::object();
        for (const auto& [name, value] : http::parse_query_string(body)) json[name] = value;
    }
    ProviderWebhook webhook;
    webhook.ignored = provider_field_true(json, "isFromMe") || provider_field_true(json, "isGroup");
    webhook.message.from = provider_field_text(json, "phone");
    webhook.message.text = provider_field_text(json, "message");
    webhook.message.message_id = provider_field_text(json, "id");
    return webhook;
}

Result<WahaWebhook> parse_waha_webhook(std::string_view body) {
    const api::Json json = api::parse_json(body);
    if (!json.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    const api::Json& payload = provider_object(json, "payload");
    WahaWebhook webhook;
    webhook.event = provider_field_text(json, "event");
    webhook.session = provider_field_text(json, "session");
    if (webhook.event == "session.status") {
        webhook.session_status = provider_field_text(payload, "status");
        webhook.ignored = true;  // nothing for the bot
        return webhook;
    }
    const std::string from = provider_field_text(payload, "from");
    // Only direct chats (…@c.us) reach the bot; groups (@g.us), channels and our own messages do not.
    webhook.ignored = webhook.event != "message" || provider_field_true(payload, "fromMe") || !from.ends_with("@c.us");
    if (webhook.ignored) return webhook;
    webhook.message.from = from;
    webhook.message.text = provider_field_text(payload, "body");
    webhook.message.message_id = provider_field_text(payload, "id");
    return webhook;
}

Result<MetaWebhook> parse_meta_webhook(std::string_view body) {
    const api::Json json = api::parse_json(body);
    if (!json.is_object() || provider_field_text(json, "object") != "whatsapp_business_account")
        return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    MetaWebhook webhook;
    for (const api::Json& entry : provider_array(json, "entry")) {
        for (const api::Json& change : provider_array(entry, "changes")) {
            if (provider_field_text(change, "field") != "messages") continue;
            const api::Json& value = provider_object(change, "value");
            for (const api::Json& message : provider_array(value, "messages")) {
                WebhookMessage inbound;
                inbound.from = provider_field_text(message, "from");
                inbound.message_id = provider_field_text(message, "id");
                const std::string type = provider_field_text(message, "type");
                if (type == "text") inbound.text = provider_field_text(provider_object(message, "text"), "body");
                else if (type == "button") inbound.text = provider_field_text(provider_object(message, "button"), "text");
                if (!inbound.text.empty()) webhook.messages.push_back(std::move(inbound));
            }
            for (const api::Json& status : provider_array(value, "statuses")) {
                MetaStatus report;
                report.message_id = provider_field_text(status, "id");
                report.status = provider_field_text(status, "status");
                report.recipient = provider_field_text(status, "recipient_id");
                const api::Json& errors = provider_array(status, "errors");
                if (!errors.empty()) {
                    const std::string code = provider_field_text(errors[0], "code");
                    report.error_code = code.empty() ? 0 : std::atol(code.c_str());
                    report.error_title = provider_field_text(errors[0], "title");
                }
                webhook.statuses.push_back(std::move(report));
            }
        }
    }
    return webhook;
}

}  // namespace kimonet::whatsapp
