// Fonnte: POST {base}/send with header "Authorization: <token>" and form fields target, message,
// countryCode (and url, filename for a file by link) -> {"status":true,"id":[…],"process":"pending"}
// or {"status":false,"reason":…}.
// Device state from POST {base}/device, the pairing QR from POST {base}/qr.
#include "api/form_encoding.hpp"
#include "api/json_fields.hpp"
#include "core/whatsapp_provider_messages.hpp"
#include "whatsapp/gateway_answers.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::whatsapp {

namespace {

class FonnteMessenger final : public Messenger {
public:
    explicit FonnteMessenger(MessengerSettings settings) : m_settings(std::move(settings)) {}

    SendOutcome send(const std::string& phone, const std::string& text) override {
        return post_send({{"target", phone}, {"message", text}, {"countryCode", "62"}});
    }

    bool supports_documents() const override { return true; }

    // Fonnte attaches a file by link: /send with url (and filename); the message is its caption.
    SendOutcome send_document(const std::string& phone, const DocumentMessage& document) override {
        if (document.url.empty()) {
            SendOutcome outcome;
            outcome.retryable = false;
            outcome.error = messages::kWhatsappDocumentNeedsLink;
            return outcome;
        }
        return post_send({{"target", phone}, {"message", document.caption}, {"url", document.url}, {"filename", document.filename}, {"countryCode", "62"}});
    }

    SendOutcome post_send(const std::vector<std::pair<std::string, std::string>>& fields) {
        HttpCall call = authorized("/send");
        call.body = api::form_encode(fields);
        const HttpAnswer answer = perform(call);
        if (answer.status != 200) return transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out);
        const api::Json json = api::parse_json(answer.body);
        SendOutcome outcome;
        outcome.response = truncate_response(answer.body);
        if (json_flag(json, "status")) {
            outcome.delivered = true;
            if (auto id = json.find("id"); id != json.end()) {
                if (id->is_array() && !id->empty()) outcome.message_id = (*id)[0].is_string() ? (*id)[0].get<std::string>() : (*id)[0].dump();
                else if (id->is_string()) outcome.message_id = id->get<std::string>();
            }
            return outcome;
        }
        const std::string reason = first_string(json, {"reason", "detail"});
        outcome.error = messages::with_detail(messages::kGatewayRefusedMessage, reason);
        outcome.retryable = !is_permanent_refusal(reason);
        return outcome;
    }

    Result<DeviceStatus> device_status() override {
        const api::Json device = TRY(post_json("/device"));
        DeviceStatus status;
        status.device = first_string(device, {"device"});
        status.state = first_string(device, {"device_status"});
        status.connected = status.state == "connect" || status.state == "connected";
        if (!status.connected) {
            auto qr = post_json("/qr");
            if (qr && json_flag(*qr, "status")) {
                const std::string url = first_string(*qr, {"url"});
                status.qr_code = url.starts_with("data:") || url.starts_with("http") ? url : "data:image/png;base64," + url;
            } else if (qr) {
                status.detail = first_string(*qr, {"reason"});
            }
        }
        return status;
    }

    std::string gateway_key() const override { return "fonnte:" + m_settings.sender; }

private:
    HttpCall authorized(const char* path) const {
        HttpCall call;
        call.url = join_url(m_settings.api_url, path);
        call.headers["Authorization"] = m_settings.api_key;
        call.headers["Content-Type"] = "application/x-www-form-urlencoded";
        call.timeout_ms = m_settings.timeout_ms;
        return call;
    }

    Result<api::Json> post_json(const char* path) const {
        api::Json json = TRY(json_object_answer(perform(authorized(path))));
        if (!json_flag(json, "status", true) && std::string(path) == "/device")
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayRefused, first_string(json, {"reason", "detail"})));
        return json;
    }

    MessengerSettings m_settings;
};

}  // namespace

std::unique_ptr<Messenger> make_fonnte_messenger(MessengerSettings settings) { return std::make_unique<FonnteMessenger>(std::move(settings)); }

}  // namespace kimonet::whatsapp
