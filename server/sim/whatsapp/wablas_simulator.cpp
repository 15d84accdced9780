// Wablas as its API documentation describes it (wablas.com; e.g. "POST https://<host>.wablas.com/
// api/send-message" with "Authorization: <token>" and form fields phone, message): answers
// {"status":true,"message":"Message is pending and waiting to be processed","data":{"device_id",
// "quota","messages":[{"id","phone","message","status":"pending"}]}} or {"status":false,"message":…};
// /api/send-document {phone, document (a link), caption}; GET /api/device/info?token=… ->
// {"status":true,"data":{"serial","sender","name","quota","expired_date","status":"connected"|
// "disconnected"}}. Accounts with a secret key authorise with "<token>.<secret key>". The incoming
// webhook posts {id, pushName, isGroup, isFromMe, group, message, phone, messageType, file,
// mimeType, deviceId, sender, timestamp}; Wablas does not sign it, so our URL carries ?token=.
#include "sim/sim_crypto.hpp"
#include "sim/whatsapp/simulator_exchange.hpp"

namespace kimonet::sim {

namespace {

std::map<std::string, std::string> wablas_parameters(const WhatsAppSimulator::Exchange& exchange) {
    std::map<std::string, std::string> out = exchange.query;
    const Json json = parse_json_or_nothing(exchange.body);
    if (json.is_object()) {
        for (const auto& [name, value] : json.items()) out[name] = field_text(json, name);
    } else {
        for (const auto& [name, value] : parse_form(exchange.body)) out[name] = value;
    }
    return out;
}

std::string wablas_value(const std::map<std::string, std::string>& map, const std::string& name) {
    const auto found = map.find(name);
    return found == map.end() ? std::string() : found->second;
}

Json wablas_refusal(const std::string& message) { return Json{{"status", false}, {"message", message}}; }

}  // namespace

bool WhatsAppSimulator::handle_wablas(Exchange& exchange) {
    const std::string& path = exchange.path;
    if (path != "/api/send-message" && path != "/api/send-document" && path != "/api/device/info") return false;
    const auto params = wablas_parameters(exchange);
    const std::string expected = m_options.wablas_secret_key.empty() ? m_options.api_key : m_options.api_key + "." + m_options.wablas_secret_key;
    if (path == "/api/device/info") {
        // The device endpoint takes the token in the query (the secret key is not part of it).
        const std::string token = wablas_value(params, "token");
        if (!same_secret(token, m_options.api_key) && !same_secret(exchange.header("authorization"), expected))
            return exchange.reply(401, wablas_refusal("token invalid")), true;
        return exchange.reply(200, {{"status", true},
                                    {"message", "success"},
                                    {"data", {{"serial", "SIM-WABLAS-1"}, {"sender", m_options.sender}, {"name", "Kimonet Sim"}, {"quota", 1000},
                                              {"expired_date", "2027-12-31"}, {"status", m_connected ? "connected" : "disconnected"}}}}),
               true;
    }
    ++m_send_requests;
    SimMode failure = SimMode::Ok;
    if (consume_failure(failure)) {
        if (failure == SimMode::Error500) return exchange.reply(500, wablas_refusal("Internal Server Error")), true;
        if (failure == SimMode::RateLimited) return exchange.reply(429, wablas_refusal("too many request, please try again later")), true;
        if (failure == SimMode::Timeout) {
            wait_ms(m_delay_ms > 0 ? 0 : 30'000);
            return exchange.reply(504, wablas_refusal("Gateway Timeout")), true;
        }
        return exchange.reply(401, wablas_refusal("token invalid")), true;
    }
    if (!same_secret(exchange.header("authorization"), expected)) return exchange.reply(401, wablas_refusal("token invalid")), true;
    if (!m_connected) return exchange.reply(200, wablas_refusal("device disconnected, please scan qr code")), true;
    SimMessage message;
    message.driver = "wablas";
    message.to = wablas_value(params, "phone");
    if (path == "/api/send-document") {
        message.type = "document";
        message.document = wablas_value(params, "document");
        message.message = wablas_value(params, "caption");
        if (!message.document.starts_with("http://") && !message.document.starts_with("https://"))
            return exchange.reply(400, wablas_refusal("document must be a valid url")), true;
        message.filename = message.document.substr(message.document.rfind('/') + 1);
    } else {
        message.message = wablas_value(params, "message");
        if (message.message.empty()) return exchange.reply(400, wablas_refusal("message is required")), true;
    }
    message.message_id = random_hex(8) + "-" + random_hex(4) + "-" + random_hex(4) + "-" + random_hex(4) + "-" + random_hex(12);
    const std::string phone = simulated_whatsapp_number(message.to);
    const std::string id = message.message_id, text = message.message;
    if (!record_message(message)) return exchange.reply(200, wablas_refusal("phone number not registered on whatsapp")), true;
    return exchange.reply(200, {{"status", true},
                                {"message", "Message is pending and waiting to be processed"},
                                {"data", {{"device_id", "SIM-WABLAS-1"}, {"quota", 999},
                                          {"messages", Json::array({{{"id", id}, {"phone", phone}, {"message", text}, {"status", "pending"}}})}}}}),
           true;
}

HttpAnswer WhatsAppSimulator::deliver_wablas_inbound(const std::string& phone, const std::string& text, const std::string& id, bool forge,
                                                     const std::string& webhook_url) {
    std::string secret;
    {
        std::lock_guard lock(m_mutex);
        secret = m_options.webhook_secret;
    }
    const Json body = {{"id", id.empty() ? random_hex(8) + "-" + random_hex(4) : id},
                       {"pushName", "Pelanggan"},
                       {"isGroup", false},
                       {"isFromMe", false},
                       {"group", Json::object()},
                       {"message", text},
                       {"phone", phone},
                       {"messageType", "text"},
                       {"file", ""},
                       {"mimeType", ""},
                       {"deviceId", "SIM-WABLAS-1"},
                       {"sender", m_options.sender},
                       {"timestamp", "2026-01-15 09:00:00"}};
    std::string url = webhook_url;
    if (url.empty() && !secret.empty()) {
        std::string base;
        {
            std::lock_guard lock(m_mutex);
            base = m_options.webhook_base;
        }
        url = (base.ends_with("/") ? base.substr(0, base.size() - 1) : base) + "/webhook/whatsapp/wablas?token=" + url_encode(forge ? secret + "-forged" : secret);
    }
    return post_webhook("/webhook/whatsapp/wablas", body.dump(), {}, url);
}

}  // namespace kimonet::sim
