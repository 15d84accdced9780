// WAHA, the self-hosted WhatsApp HTTP API, as its documentation describes it (waha.devlike.pro,
// "Sessions", "Send messages", "Events"): every /api call needs "X-Api-Key" (401 {"message":
// "Unauthorized","statusCode":401} without it). POST /api/sendText {session, chatId "…@c.us",
// text} and POST /api/sendFile {session, chatId, file {mimetype, filename, url | data}, caption}
// answer 201 with the message ({"id": "true_628…@c.us_3EB0…", "timestamp", "body"…}); a session
// that is not WORKING answers 422 {"error": "Session status is not as expected…", "session",
// "status", "expected": ["WORKING"]}; an unknown session 404. GET /api/sessions/{session} ->
// {"name", "status", "me": {"id", "pushName"} | null, "engine"}; GET /api/{session}/auth/qr?format=raw
// -> {"value": "2@…"} while SCAN_QR_CODE. Webhooks {"id": "evt_…", "timestamp", "event",
// "session", "me", "payload", "engine", "environment"} for "message" and "session.status", with
// "X-Webhook-Hmac: <hex HMAC-SHA512(hmac.key, body)>" and "X-Webhook-Hmac-Algorithm: sha512".
#include <chrono>

#include "sim/sim_crypto.hpp"
#include "sim/whatsapp/simulator_exchange.hpp"

namespace kimonet::sim {

namespace {

std::int64_t waha_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

bool WhatsAppSimulator::handle_waha(Exchange& exchange) {
    const std::string& path = exchange.path;
    const std::string session_path = "/api/sessions/" + m_options.waha_session;
    const std::string qr_path = "/api/" + m_options.waha_session + "/auth/qr";
    const bool is_send = path == "/api/sendText" || path == "/api/sendFile";
    if (!is_send && !path.starts_with("/api/sessions/") && !(path.starts_with("/api/") && path.ends_with("/auth/qr"))) return false;
    if (!same_secret(exchange.header("x-api-key"), m_options.api_key)) return exchange.reply(401, {{"message", "Unauthorized"}, {"statusCode", 401}}), true;
    const std::string status = m_connected ? "WORKING" : "SCAN_QR_CODE";
    if (path == session_path) {
        Json me = nullptr;
        if (m_connected) me = {{"id", m_options.sender + "@c.us"}, {"pushName", "Kimonet Sim"}};
        return exchange.reply(200, {{"name", m_options.waha_session}, {"status", status}, {"me", me}, {"engine", {{"engine", "WEBJS"}}}}), true;
    }
    if (path == qr_path) {
        if (m_connected) return exchange.reply(422, {{"error", "Can not get QR code, session status is WORKING"}, {"session", m_options.waha_session}, {"status", status}}), true;
        return exchange.reply(200, {{"value", "2@SIMWAHA" + random_hex(16) + ",sim,sim=="}}), true;
    }
    if (!is_send) return exchange.reply(404, {{"message", "Session \"" + path.substr(path.rfind('/') + 1) + "\" does not exist"}, {"statusCode", 404}}), true;
    ++m_send_requests;
    SimMode failure = SimMode::Ok;
    if (consume_failure(failure)) {
        if (failure == SimMode::Error500) return exchange.reply(500, {{"statusCode", 500}, {"message", "Internal server error"}}), true;
        if (failure == SimMode::RateLimited) return exchange.reply(429, {{"statusCode", 429}, {"message", "ThrottlerException: Too Many Requests"}}), true;
        if (failure == SimMode::Timeout) {
            wait_ms(m_delay_ms > 0 ? 0 : 30'000);
            return exchange.reply(504, {{"statusCode", 504}, {"message", "Gateway Timeout"}}), true;
        }
        return exchange.reply(401, {{"message", "Unauthorized"}, {"statusCode", 401}}), true;
    }
    const Json body = parse_json_or_nothing(exchange.body);
    if (!body.is_object()) return exchange.reply(400, {{"statusCode", 400}, {"message", "Bad Request"}}), true;
    if (field_text(body, "session") != m_options.waha_session)
        return exchange.reply(404, {{"message", "Session \"" + field_text(body, "session") + "\" does not exist"}, {"statusCode", 404}}), true;
    if (!m_connected)
        return exchange.reply(422, {{"error", "Session status is not as expected. Try again later or restart the session"},
                                    {"session", m_options.waha_session}, {"status", status}, {"expected", Json::array({"WORKING"})}}),
               true;
    const std::string chat = field_text(body, "chatId");
    if (!chat.ends_with("@c.us")) return exchange.reply(400, {{"statusCode", 400}, {"message", "chatId must be <phone>@c.us for a direct chat"}}), true;
    SimMessage message;
    message.driver = "waha";
    message.to = chat.substr(0, chat.size() - 5);
    if (path == "/api/sendFile") {
        const Json file = body.contains("file") && body["file"].is_object() ? body["file"] : Json::object();
        message.type = "document";
        message.filename = field_text(file, "filename");
        message.message = field_text(body, "caption");
        const std::string url = field_text(file, "url"), data = field_text(file, "data");
        if (!url.empty()) {
            message.document = url;
        } else if (auto bytes = base64_decode(data); bytes && !bytes->empty()) {
            message.document = "data:" + std::to_string(bytes->size());
        } else {
            return exchange.reply(400, {{"statusCode", 400}, {"message", "file.url or file.data (base64) is required"}}), true;
        }
        if (field_text(file, "mimetype").empty()) return exchange.reply(400, {{"statusCode", 400}, {"message", "file.mimetype is required"}}), true;
    } else {
        message.message = field_text(body, "text");
    }
    message.message_id = "true_" + simulated_whatsapp_number(message.to) + "@c.us_3EB0" + random_hex(16);
    const std::string id = message.message_id, text = message.message;
    if (!record_message(message)) return exchange.reply(400, {{"statusCode", 400}, {"message", "The number is not registered on WhatsApp"}}), true;
    return exchange.reply(201, {{"id", id}, {"timestamp", waha_now_ms() / 1000}, {"from", m_options.sender + "@c.us"}, {"fromMe", true},
                                {"to", chat}, {"body", text}, {"hasMedia", path == "/api/sendFile"}}),
           true;
}

HttpAnswer WhatsAppSimulator::deliver_waha_inbound(const std::string& phone, const std::string& text, const std::string& id, bool forge,
                                                   const std::string& webhook_url) {
    std::string secret;
    {
        std::lock_guard lock(m_mutex);
        secret = m_options.webhook_secret;
    }
    const std::string body = Json{{"id", "evt_" + random_hex(24)},
                                  {"timestamp", waha_now_ms()},
                                  {"event", "message"},
                                  {"session", m_options.waha_session},
                                  {"me", {{"id", m_options.sender + "@c.us"}, {"pushName", "Kimonet Sim"}}},
                                  {"payload", {{"id", id.empty() ? "false_" + phone + "@c.us_3EB0" + random_hex(16) : id},
                                               {"timestamp", waha_now_ms() / 1000},
                                               {"from", phone + "@c.us"},
                                               {"fromMe", false},
                                               {"to", m_options.sender + "@c.us"},
                                               {"body", text},
                                               {"hasMedia", false}}},
                                  {"engine", "WEBJS"},
                                  {"environment", {{"tier", "CORE"}, {"version", "2025.1.1"}}}}
                                 .dump();
    const std::string signature = hmac_sha512_hex(forge ? secret + "-forged" : secret, body);
    return post_webhook("/webhook/whatsapp/waha", body, {{"X-Webhook-Hmac", signature}, {"X-Webhook-Hmac-Algorithm", "sha512"}}, webhook_url);
}

HttpAnswer WhatsAppSimulator::deliver_waha_session_status(const std::string& status, bool forge) {
    std::string secret;
    {
        std::lock_guard lock(m_mutex);
        secret = m_options.webhook_secret;
    }
    const std::string body = Json{{"id", "evt_" + random_hex(24)}, {"timestamp", waha_now_ms()},       {"event", "session.status"},
                                  {"session", m_options.waha_session}, {"payload", {{"status", status}}}, {"engine", "WEBJS"}}
                                 .dump();
    const std::string signature = hmac_sha512_hex(forge ? secret + "-forged" : secret, body);
    return post_webhook("/webhook/whatsapp/waha", body, {{"X-Webhook-Hmac", signature}, {"X-Webhook-Hmac-Algorithm", "sha512"}});
}

}  // namespace kimonet::sim
