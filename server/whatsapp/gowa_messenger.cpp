// go-whatsapp-web-multidevice (self-hosted): POST {base}/send/message with Basic auth and JSON
// {"phone":"62…@s.whatsapp.net","message":…} -> {"code":"SUCCESS","results":{"message_id":…}}.
// Device state from GET {base}/app/status (GET {base}/app/devices on gateways without it), the
// pairing QR from GET {base}/app/login.
// The API key setting holds "user:password" for Basic auth.
#include "whatsapp/gateway_answers.hpp"
#include "whatsapp/http_client.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::whatsapp {

namespace {

class GowaMessenger final : public Messenger {
public:
    explicit GowaMessenger(MessengerSettings settings) : m_settings(std::move(settings)) {}

    SendOutcome send(const std::string& phone, const std::string& text) override {
        HttpCall call = request("POST", "/send/message");
        call.headers["Content-Type"] = "application/json";
        call.body = api::Json{{"phone", phone + "@s.whatsapp.net"}, {"message", text}}.dump();
        const HttpAnswer answer = perform(call);
        const api::Json json = api::parse_json(answer.body);
        if (answer.status == 200 && json.is_object() && first_string(json, {"code"}) == "SUCCESS") {
            SendOutcome outcome;
            outcome.delivered = true;
            outcome.response = truncate_response(answer.body);
            if (json.contains("results") && json["results"].is_object()) outcome.message_id = first_string(json["results"], {"message_id"});
            return outcome;
        }
        SendOutcome outcome = transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out);
        const std::string reason = first_string(json, {"message", "code"});
        if (!reason.empty()) outcome.error += ": " + reason;
        // A 400 means the request itself is wrong (e.g. an invalid number): repeating it cannot help.
        if (answer.status == 400 || is_permanent_refusal(reason)) outcome.retryable = false;
        return outcome;
    }

    // GET /app/status -> {"results": {"is_connected", "is_logged_in", "device_id", "jid"}} (v8+,
    // docs/openapi.yaml). Since the device registry (v8) GET /app/devices lists every device slot,
    // logged in or not, so only a gateway without /app/status (404) is read from its device list.
    Result<DeviceStatus> device_status() override {
        DeviceStatus status;
        const HttpAnswer answer = perform(request("GET", "/app/status"));
        if (answer.status == 404) {
            const api::Json devices = TRY(get_json("/app/devices"));
            status.connected = devices.contains("results") && devices["results"].is_array() && !devices["results"].empty();
            if (status.connected) status.device = first_string(devices["results"][0], {"device"});
        } else {
            const api::Json json = TRY(json_object_answer(answer));
            const api::Json results = json.contains("results") && json["results"].is_object() ? json["results"] : api::Json::object();
            status.connected = json_flag(results, "is_connected") && json_flag(results, "is_logged_in");
            status.device = first_string(results, {"jid"});
        }
        // "628…@s.whatsapp.net" or "628…:12@s.whatsapp.net" is the number.
        if (const auto at = status.device.find('@'); at != std::string::npos) status.device.resize(at);
        if (const auto colon = status.device.find(':'); colon != std::string::npos) status.device.resize(colon);
        status.state = status.connected ? "connected" : "disconnected";
        if (status.connected) return status;
        auto login = get_json("/app/login");
        if (login && login->contains("results") && (*login)["results"].is_object()) status.qr_code = first_string((*login)["results"], {"qr_link"});
        else if (!login) status.detail = login.error().message();
        return status;
    }

    std::string gateway_key() const override {
        const auto colon = m_settings.api_key.find(':');
        return "gowa:" + (m_settings.sender.empty() ? m_settings.api_key.substr(0, colon) : m_settings.sender);
    }

private:
    HttpCall request(const char* method, const char* path) const {
        HttpCall call;
        call.method = method;
        call.url = join_url(m_settings.api_url, path);
        call.basic_auth = m_settings.api_key;
        call.timeout_ms = m_settings.timeout_ms;
        return call;
    }

    Result<api::Json> get_json(const char* path) const {
        return json_object_answer(perform(request("GET", path)));
    }

    MessengerSettings m_settings;
};

}  // namespace

std::unique_ptr<Messenger> make_gowa_messenger(MessengerSettings settings) { return std::make_unique<GowaMessenger>(std::move(settings)); }

}  // namespace kimonet::whatsapp
