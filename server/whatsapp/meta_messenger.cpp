// Meta's WhatsApp Cloud API (developers.facebook.com/docs/whatsapp/cloud-api): POST
// {graph}/v{N}/{phone_number_id}/messages with "Authorization: Bearer <access token>" and
// {"messaging_product":"whatsapp","recipient_type":"individual","to":"628…","type":…} ->
// {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid.…"}]}.
// type "text" {"body"} reaches a customer only inside the 24-hour customer service window; a
// business-initiated message is a "template" {name, language: {code}, components: [{type: body,
// parameters: [{type: text, text}…]}]} (which template carries which kind: messaging/meta_templates.hpp).
// Documents by link: type "document" {link, filename, caption}. Errors are Graph API errors
// {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}, read by code (Meta's
// advice: not by title). The number's state: GET {graph}/v{N}/{phone_number_id}?fields=… (no QR:
// the number is registered at Meta, not paired).
#include "api/json_fields.hpp"
#include "core/whatsapp_provider_messages.hpp"
#include "messaging/meta_templates.hpp"
#include "whatsapp/gateway_answers.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/provider_messengers.hpp"

namespace kimonet::whatsapp {

namespace {

constexpr const char* kMetaGraphVersion = "v21.0";

// "https://graph.facebook.com" gets the version we were written against; a base that already
// names one ("…/v22.0") keeps it.
std::string meta_graph_base(const std::string& api_url) {
    std::string base = api_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const auto slash = base.rfind('/');
    const std::string last = slash == std::string::npos ? std::string() : base.substr(slash + 1);
    const bool versioned = last.size() >= 2 && last[0] == 'v' && last[1] >= '0' && last[1] <= '9';
    return versioned ? base : base + "/" + kMetaGraphVersion;
}

// A Graph API error as an outcome: which codes may pass later and which never will.
SendOutcome meta_error_outcome(int status, const std::string& body, const std::string& transport_error, bool timed_out) {
    SendOutcome outcome = transport_failure(status, body, transport_error, timed_out);
    const api::Json json = api::parse_json(body);
    if (!json.is_object() || !json.contains("error") || !json["error"].is_object()) return outcome;
    const api::Json& error = json["error"];
    const long code = error.contains("code") && error["code"].is_number_integer() ? error["code"].get<long>() : 0;
    std::string detail = "#" + std::to_string(code);
    if (const std::string message = first_string(error, {"message"}); !message.empty()) detail += " " + message;
    switch (code) {
        case 190:  // access token expired or revoked: the admin renews it, then the queue drains
            outcome.error = messages::with_detail(messages::kGatewayAccessTokenExpired, detail);
            outcome.retryable = true;
            return outcome;
        case 4: case 80007: case 130429: case 131048: case 131056:  // rate limits: app, account, throughput, spam, pair
            outcome.error = messages::with_detail(messages::kGatewayRateLimited, detail);
            outcome.retryable = true;
            return outcome;
        case 1: case 2: case 131000: case 131016:  // unknown, temporarily unavailable, service overloaded
            outcome.error = messages::with_detail(messages::kGatewayFailing, detail);
            outcome.retryable = true;
            return outcome;
        case 131047:  // re-engagement: outside the 24-hour window, free text cannot reach this customer
            outcome.error = messages::with_detail(messages::kWhatsappOutsideServiceWindow, detail);
            outcome.retryable = false;
            return outcome;
        case 131026:  // undeliverable: not on WhatsApp, old app, or has not accepted the terms
            outcome.error = messages::with_detail(messages::kWhatsappRecipientUndeliverable, detail);
            outcome.retryable = false;
            return outcome;
        default:
            // Everything else (invalid parameter 100, template missing 132001, parameter mismatch
            // 132000, …) is our request: repeating it cannot help, unless Meta itself failed.
            outcome.error = messages::with_detail(messages::kGatewayRefusedMessage, detail);
            outcome.retryable = status == 0 || status >= 500;
            return outcome;
    }
}

class MetaMessenger final : public Messenger, public TemplateMessenger {
public:
    MetaMessenger(MessengerSettings settings, MetaTemplateSettings templates)
        : m_settings(std::move(settings)), m_templates(std::move(templates)), m_base(meta_graph_base(m_settings.api_url)) {}

    SendOutcome send(const std::string& phone, const std::string& text) override {
        return post_message(phone, "text", api::Json{{"preview_url", false}, {"body", text}});
    }

    SendOutcome send_message(const OutgoingMessage& message) override {
        const auto chosen = messaging::meta_template_for(message.kind, m_templates.overrides);
        if (!chosen) return send(message.phone, message.text);
        api::Json parameters = api::Json::array();
        for (const std::string& name : chosen->parameters) {
            const auto value = message.variables.find(name);
            parameters.push_back({{"type", "text"}, {"text", messaging::meta_parameter_text(value == message.variables.end() ? "" : value->second)}});
        }
        api::Json body = {{"name", chosen->name}, {"language", {{"code", m_templates.language}}}};
        if (!parameters.empty()) body["components"] = api::Json::array({{{"type", "body"}, {"parameters", parameters}}});
        return post_message(message.phone, "template", body);
    }

    bool supports_documents() const override { return true; }

    SendOutcome send_document(const std::string& phone, const DocumentMessage& document) override {
        if (document.url.empty()) {
            SendOutcome outcome;
            outcome.retryable = false;
            outcome.error = messages::kWhatsappDocumentNeedsLink;
            return outcome;
        }
        api::Json body = {{"link", document.url}, {"filename", document.filename}};
        if (!document.caption.empty()) body["caption"] = document.caption;
        return post_message(phone, "document", body);
    }

    Result<DeviceStatus> device_status() override {
        HttpCall call = request("GET");
        call.url += "?fields=display_phone_number,verified_name,quality_rating,status";
        const HttpAnswer answer = perform(call);
        if (answer.status != 200) return make_error(ErrorCode::BadGateway, meta_error_outcome(answer.status, answer.body, answer.transport_error, answer.timed_out).error);
        const api::Json json = api::parse_json(answer.body);
        if (!json.is_object()) return make_error(ErrorCode::BadGateway, messages::kGatewayNotJson);
        DeviceStatus status;
        status.device = first_string(json, {"display_phone_number"});
        status.state = first_string(json, {"status"});
        // A registered number answers CONNECTED; FLAGGED, RESTRICTED, BANNED, DISCONNECTED… cannot send.
        status.connected = status.state == "CONNECTED";
        status.detail = first_string(json, {"verified_name"});
        if (const std::string quality = first_string(json, {"quality_rating"}); !quality.empty()) status.detail += " (quality " + quality + ")";
        return status;
    }

    std::string gateway_key() const override { return "meta:" + m_settings.sender; }

private:
    HttpCall request(const char* method, const std::string& tail = {}) const {
        HttpCall call;
        call.method = method;
        call.url = m_base + "/" + api::url_encode(m_settings.sender) + tail;
        call.headers["Authorization"] = "Bearer " + m_settings.api_key;
        call.timeout_ms = m_settings.timeout_ms;
        return call;
    }

    SendOutcome post_message(const std::string& phone, const char* type, const api::Json& content) const {
        HttpCall call = request("POST", "/messages");
        call.headers["Content-Type"] = "application/json";
        call.body = api::Json{{"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", phone}, {"type", type}, {type, content}}.dump();
        const HttpAnswer answer = perform(call);
        const api::Json json = api::parse_json(answer.body);
        if (answer.status == 200 && json.is_object() && json.contains("messages") && json["messages"].is_array() && !json["messages"].empty()) {
            SendOutcome outcome;
            outcome.delivered = true;
            outcome.response = truncate_response(answer.body);
            outcome.message_id = first_string(json["messages"][0], {"id"});
            return outcome;
        }
        return meta_error_outcome(answer.status, answer.body, answer.transport_error, answer.timed_out);
    }

    MessengerSettings m_settings;
    MetaTemplateSettings m_templates;
    std::string m_base;
};

}  // namespace

std::unique_ptr<Messenger> make_meta_messenger(MessengerSettings settings, MetaTemplateSettings templates) {
    return std::make_unique<MetaMessenger>(std::move(settings), std::move(templates));
}

}  // namespace kimonet::whatsapp
