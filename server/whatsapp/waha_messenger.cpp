// WAHA, the self-hosted WhatsApp HTTP API (waha.devlike.pro): every call carries "X-Api-Key"
// (its WAHA_API_KEY) and names the session. POST {base}/api/sendText {session, chatId:
// "628…@c.us", text} -> 201 with the sent message (its "id"); POST {base}/api/sendFile {session,
// chatId, file: {mimetype, filename, url | data (Base64)}, caption}. A session that is not WORKING
// answers 422 {"error":…, "status": "SCAN_QR_CODE", "expected": ["WORKING"]}. Session state from
// GET {base}/api/sessions/{session} -> {"name", "status": STOPPED | STARTING | SCAN_QR_CODE |
// WORKING | FAILED, "me": {"id": "628…@c.us", "pushName"}}; the pairing QR's raw value from
// GET {base}/api/{session}/auth/qr?format=raw -> {"value": "2@…"}.
#include "api/json_fields.hpp"
#include "core/whatsapp_provider_messages.hpp"
#include "security/base64.hpp"
#include "whatsapp/gateway_answers.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/provider_messengers.hpp"

namespace kimonet::whatsapp {

namespace {

// WAHA gives a message's id as a string ("true_628…@c.us_3EB0…") or, by engine, as an object
// ({"_serialized": …} or {"id": …}), or inside "key" (NOWEB).
std::string waha_message_id(const api::Json& message) {
    if (!message.is_object()) return {};
    for (const char* holder : {"id", "key"}) {
        const auto found = message.find(holder);
        if (found == message.end()) continue;
        if (found->is_string()) return found->get<std::string>();
        if (const std::string id = first_string(*found, {"_serialized", "id"}); !id.empty()) return id;
    }
    return {};
}

class WahaMessenger final : public Messenger {
public:
    explicit WahaMessenger(MessengerSettings settings) : m_settings(std::move(settings)) {}

    SendOutcome send(const std::string& phone, const std::string& text) override {
        return post("/api/sendText", api::Json{{"session", m_settings.sender}, {"chatId", phone + "@c.us"}, {"text", text}});
    }

    bool supports_documents() const override { return true; }

    SendOutcome send_document(const std::string& phone, const DocumentMessage& document) override {
        api::Json file = {{"mimetype", document.mime_type}, {"filename", document.filename}};
        // An upload needs nothing of the server's reachability; the link only when there are no bytes.
        if (!document.bytes.empty()) file["data"] = security::base64(document.bytes);
        else file["url"] = document.url;
        return post("/api/sendFile",
                    api::Json{{"session", m_settings.sender}, {"chatId", phone + "@c.us"}, {"file", file}, {"caption", document.caption}});
    }

    Result<DeviceStatus> device_status() override {
        const api::Json session = TRY(get_json("/api/sessions/" + api::url_encode(m_settings.sender)));
        DeviceStatus status;
        status.state = first_string(session, {"status"});
        status.connected = status.state == "WORKING";
        if (session.contains("me") && session["me"].is_object()) {
            status.device = first_string(session["me"], {"id"});
            if (const auto at = status.device.find('@'); at != std::string::npos) status.device.resize(at);
        }
        if (status.state == "SCAN_QR_CODE") {
            auto qr = get_json("/api/" + api::url_encode(m_settings.sender) + "/auth/qr?format=raw");
            if (qr) status.qr_code = first_string(*qr, {"value"});
            else status.detail = qr.error().message();
        } else if (!status.connected) {
            status.detail = messages::with_detail(messages::kWhatsappSessionNotWorking, status.state);
        }
        return status;
    }

    std::string gateway_key() const override { return "waha:" + m_settings.sender; }

private:
    HttpCall request(const char* method, const std::string& path) const {
        HttpCall call;
        call.method = method;
        call.url = join_url(m_settings.api_url, path);
        call.headers["X-Api-Key"] = m_settings.api_key;
        call.headers["Accept"] = "application/json";
        call.timeout_ms = m_settings.timeout_ms;
        return call;
    }

    SendOutcome post(const char* path, const api::Json& body) const {
        HttpCall call = request("POST", path);
        call.headers["Content-Type"] = "application/json";
        call.body = body.dump();
        const HttpAnswer answer = perform(call);
        const api::Json json = api::parse_json(answer.body);
        if ((answer.status == 200 || answer.status == 201) && json.is_object()) {
            SendOutcome outcome;
            outcome.delivered = true;
            outcome.response = truncate_response(answer.body);
            outcome.message_id = waha_message_id(json);
            return outcome;
        }
        SendOutcome outcome = transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out);
        if (answer.status == 422 && json.contains("expected")) {
            // The session is not WORKING (QR to scan, starting, failed): the queue waits for it.
            outcome.error = messages::with_detail(messages::kWhatsappSessionNotWorking, first_string(json, {"status"}));
            return outcome;
        }
        const std::string reason = first_string(json, {"message", "error"});
        if (!reason.empty()) outcome.error += ": " + reason;
        // 400 and other 422s are the request itself (a chat id WhatsApp refuses, a file it cannot take).
        if (answer.status == 400 || answer.status == 422 || is_permanent_refusal(reason)) outcome.retryable = false;
        return outcome;
    }

    Result<api::Json> get_json(const std::string& path) const {
        return json_object_answer(perform(request("GET", path)));
    }

    MessengerSettings m_settings;
};

}  // namespace

std::unique_ptr<Messenger> make_waha_messenger(MessengerSettings settings) { return std::make_unique<WahaMessenger>(std::move(settings)); }

}  // namespace kimonet::whatsapp
