// The seed's MPWA-style gateway: POST {base}/send-message {api_key, sender, number, message};
// device pairing through GET {base}/generate-qr?device=…&api_key=… (answers a QR code while the
// device is unpaired, "already connected" once it is).
#include "api/json_fields.hpp"
#include "core/text.hpp"
#include "whatsapp/gateway_answers.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::whatsapp {

namespace {

class MpwaMessenger final : public Messenger {
public:
    explicit MpwaMessenger(MessengerSettings settings) : m_settings(std::move(settings)) {}

    SendOutcome send(const std::string& phone, const std::string& text) override {
        HttpCall call;
        call.url = join_url(m_settings.api_url, "/send-message");
        call.headers["Content-Type"] = "application/json";
        call.headers["Accept"] = "application/json";
        call.body = api::Json{{"api_key", m_settings.api_key}, {"sender", m_settings.sender}, {"number", phone}, {"message", text}}.dump();
        call.timeout_ms = m_settings.timeout_ms;
        const HttpAnswer answer = perform(call);
        if (answer.status != 200) return transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out);
        const api::Json json = api::parse_json(answer.body);
        SendOutcome outcome;
        outcome.response = truncate_response(answer.body);
        if (json_flag(json, "status")) {
            outcome.delivered = true;
            if (json.contains("data") && json["data"].is_object()) outcome.message_id = first_string(json["data"], {"id", "message_id"});
            return outcome;
        }
        const std::string reason = first_string(json, {"msg", "message"});
        outcome.error = messages::with_detail(messages::kGatewayRefusedMessage, reason);
        outcome.retryable = !is_permanent_refusal(reason);
        return outcome;
    }

    Result<DeviceStatus> device_status() override {
        HttpCall call;
        call.method = "GET";
        call.url = join_url(m_settings.api_url, "/generate-qr") + "?device=" + api::url_encode(m_settings.sender) + "&api_key=" + api::url_encode(m_settings.api_key);
        call.timeout_ms = m_settings.timeout_ms;
        const HttpAnswer answer = perform(call);
        if (answer.status != 200) return make_error(ErrorCode::BadGateway, transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out).error);
        const api::Json json = api::parse_json(answer.body);
        DeviceStatus status;
        status.device = m_settings.sender;
        const std::string message = first_string(json, {"msg", "message"});
        status.qr_code = first_string(json, {"qrcode"});
        if (!status.qr_code.empty()) {
            status.state = "unpaired";
            status.detail = message;
            return status;
        }
        if (to_lower_ascii(message).find("connected") != std::string::npos) {
            status.connected = true;
            status.state = "connected";
            status.detail = message;
            return status;
        }
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayRefused, message.empty() ? truncate_response(answer.body) : message));
    }

    std::string gateway_key() const override { return "mpwa:" + m_settings.sender; }

private:
    MessengerSettings m_settings;
};

}  // namespace

std::unique_ptr<Messenger> make_mpwa_messenger(MessengerSettings settings) { return std::make_unique<MpwaMessenger>(std::move(settings)); }

}  // namespace kimonet::whatsapp
