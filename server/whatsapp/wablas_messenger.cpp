// Wablas (wablas.com, hosted; each account has its own host such as https://tegal.wablas.com):
// POST {base}/api/send-message with "Authorization: <token>" (or "<token>.<secret_key>" where the
// account has a secret key) and form fields phone, message ->
// {"status":true,"message":"…","data":{"device_id":…,"messages":[{"id":…,"phone":…,"status":"pending"}]}}
// or {"status":false,"message":"…"}. Documents by link: POST {base}/api/send-document {phone,
// document, caption}. Device state: GET {base}/api/device/info?token=<token> -> {"status":true,
// "data":{"sender":…,"name":…,"status":"connected"|"disconnected"}}; the pairing QR is shown only
// in Wablas' own dashboard (its scan page is an HTML page behind the token), so none comes back.
#include "api/form_encoding.hpp"
#include "api/json_fields.hpp"
#include "core/text.hpp"
#include "core/whatsapp_provider_messages.hpp"
#include "whatsapp/gateway_answers.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/provider_messengers.hpp"

namespace kimonet::whatsapp {

namespace {

class WablasMessenger final : public Messenger {
public:
    explicit WablasMessenger(MessengerSettings settings) : m_settings(std::move(settings)) {}

    SendOutcome send(const std::string& phone, const std::string& text) override {
        return post_message("/api/send-message", {{"phone", phone}, {"message", text}});
    }

    bool supports_documents() const override { return true; }

    SendOutcome send_document(const std::string& phone, const DocumentMessage& document) override {
        if (document.url.empty()) {
            SendOutcome outcome;
            outcome.retryable = false;
            outcome.error = messages::kWhatsappDocumentNeedsLink;
            return outcome;
        }
        return post_message("/api/send-document", {{"phone", phone}, {"document", document.url}, {"caption", document.caption}});
    }

    Result<DeviceStatus> device_status() override {
        HttpCall call = authorized("GET", "/api/device/info");
        call.url += "?token=" + api::url_encode(token_part());
        const HttpAnswer answer = perform(call);
        const api::Json json = api::parse_json(answer.body);
        if (answer.status != 200) {
            std::string error = transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out).error;
            if (const std::string reason = first_string(json, {"message"}); !reason.empty()) error += ": " + reason;
            return make_error(ErrorCode::BadGateway, error);
        }
        if (!json.is_object()) return make_error(ErrorCode::BadGateway, messages::kGatewayNotJson);
        if (!json_flag(json, "status")) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayRefused, first_string(json, {"message"})));
        const api::Json data = json.contains("data") && json["data"].is_object() ? json["data"] : api::Json::object();
        DeviceStatus status;
        status.device = first_string(data, {"sender", "phone"});
        status.state = first_string(data, {"status"});
        status.connected = to_lower_ascii(status.state) == "connected";
        status.detail = first_string(data, {"name"});
        return status;
    }

    std::string gateway_key() const override { return "wablas:" + m_settings.sender; }

private:
    // The token alone (the part before ".<secret_key>"), for the query of the device endpoint.
    std::string token_part() const { return m_settings.api_key.substr(0, m_settings.api_key.find('.')); }

    HttpCall authorized(const char* method, const char* path) const {
        HttpCall call;
        call.method = method;
        call.url = join_url(m_settings.api_url, path);
        call.headers["Authorization"] = m_settings.api_key;
        call.headers["Accept"] = "application/json";
        call.timeout_ms = m_settings.timeout_ms;
        return call;
    }

    SendOutcome post_message(const char* path, const std::vector<std::pair<std::string, std::string>>& fields) const {
        HttpCall call = authorized("POST", path);
        call.headers["Content-Type"] = "application/x-www-form-urlencoded";
        call.body = api::form_encode(fields);
        const HttpAnswer answer = perform(call);
        const api::Json json = api::parse_json(answer.body);
        if (answer.status == 200 && json_flag(json, "status")) {
            SendOutcome outcome;
            outcome.delivered = true;
            outcome.response = truncate_response(answer.body);
            const api::Json data = json.contains("data") && json["data"].is_object() ? json["data"] : api::Json::object();
            if (data.contains("messages") && data["messages"].is_array() && !data["messages"].empty())
                outcome.message_id = first_string(data["messages"][0], {"id"});
            return outcome;
        }
        const std::string reason = first_string(json, {"message"});
        SendOutcome outcome = answer.status == 200 ? SendOutcome{} : transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out);
        outcome.response = truncate_response(answer.body);
        if (answer.status == 200) outcome.error = messages::with_detail(messages::kGatewayRefusedMessage, reason);
        else if (!reason.empty()) outcome.error += ": " + reason;
        // A number WhatsApp does not know stays unknown; a bad token, a disconnected device or a
        // busy gateway may pass later.
        outcome.retryable = !is_permanent_refusal(reason) && answer.status != 400;
        return outcome;
    }

    MessengerSettings m_settings;
};

}  // namespace

std::unique_ptr<Messenger> make_wablas_messenger(MessengerSettings settings) { return std::make_unique<WablasMessenger>(std::move(settings)); }

}  // namespace kimonet::whatsapp
