#include "sim/whatsapp/whatsapp_simulator.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <map>

#include "sim/sim_crypto.hpp"
#include "sim/sim_json.hpp"
#include "sim/whatsapp/simulator_exchange.hpp"

namespace kimonet::sim {

namespace {

// go-whatsapp-web-multidevice's --basic-auth user:password guards its REST API with HTTP Basic (RFC 7617).
bool gowa_basic_auth_ok(const std::string& authorization, const std::string& configured) {
    const auto credentials = basic_credentials(authorization);
    return credentials && same_secret(credentials->first + ":" + credentials->second, configured);
}

// The WhatsApp time of an inbound message (Unix seconds): now, but one second past the previous
// message's at least, so two messages are never the same moment (a gateway's retry repeats its).
std::int64_t whatsapp_timestamp() {
    static std::atomic<std::int64_t> last{0};
    const std::int64_t now = std::time(nullptr);
    std::int64_t previous = last.load();
    std::int64_t next = 0;
    do next = std::max(now, previous + 1);
    while (!last.compare_exchange_weak(previous, next));
    return next;
}

std::string rfc3339_utc(std::int64_t seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string join_url(const std::string& base, const std::string& path) {
    if (base.ends_with("/")) return base.substr(0, base.size() - 1) + path;
    return base + path;
}

// Request parameters the way PHP gateways read them: JSON body, form body, then the query string.
std::map<std::string, std::string> parameters(const WhatsAppSimulator::Exchange& exchange) {
    std::map<std::string, std::string> out = exchange.query;
    const Json json = parse_json_or_nothing(exchange.body);
    if (json.is_object()) {
        for (const auto& [name, value] : json.items()) out[name] = value.is_string() ? value.get<std::string>() : value.dump();
    } else {
        for (const auto& [name, value] : parse_form(exchange.body)) out[name] = value;
    }
    return out;
}

std::string value_of(const std::map<std::string, std::string>& map, const std::string& name) {
    auto found = map.find(name);
    return found == map.end() ? std::string() : found->second;
}

}  // namespace

struct WhatsAppSimulator::Server {
    HttpServer http;
    bool listening = false;
};

WhatsAppSimulator::WhatsAppSimulator(WhatsAppSimulatorOptions options) : m_options(std::move(options)), m_server(std::make_unique<Server>()) {}

WhatsAppSimulator::~WhatsAppSimulator() { stop(); }

Result<void> WhatsAppSimulator::start() {
    m_stopping = false;
    const std::string failure = m_server->http.start(m_options.bind, m_options.port, [this](const HttpRequest& request, HttpResponse& response) {
        Exchange exchange;
        exchange.take(request);
        handle(exchange);
        exchange.give(response);
    });
    if (!failure.empty()) return make_error(ErrorCode::Internal, "simulator cannot listen: " + failure);
    m_server->listening = true;
    return success();
}

void WhatsAppSimulator::stop() {
    m_stopping = true;
    m_stop_signal.notify_all();
    if (m_server && m_server->listening) {
        m_server->http.stop();
        m_server->listening = false;
    }
}

int WhatsAppSimulator::port() const { return m_server->listening ? m_server->http.port() : 0; }

std::string WhatsAppSimulator::base_url() const { return "http://" + m_options.bind + ":" + std::to_string(port()); }

void WhatsAppSimulator::set_webhook_base(std::string base) {
    std::lock_guard lock(m_mutex);
    m_options.webhook_base = std::move(base);
}

std::vector<SimMessage> WhatsAppSimulator::messages() const {
    std::lock_guard lock(m_mutex);
    return m_messages;
}

void WhatsAppSimulator::clear() {
    std::lock_guard lock(m_mutex);
    m_messages.clear();
    m_send_requests = 0;
}

void WhatsAppSimulator::set_mode(SimMode mode, int count) {
    std::lock_guard lock(m_mutex);
    m_mode = mode;
    m_mode_count = count;
}

void WhatsAppSimulator::break_after(int accepted, SimMode mode, bool disconnect) {
    std::lock_guard lock(m_mutex);
    m_break_after = accepted;
    m_break_mode = mode;
    m_break_disconnects = disconnect;
    if (accepted > 0) return;
    m_break_after = -1;
    if (disconnect) {
        m_connected = false;
    } else {
        m_mode = mode;
        m_mode_count = -1;
    }
}

bool WhatsAppSimulator::consume_failure(SimMode& mode) {
    std::lock_guard lock(m_mutex);
    if (m_mode == SimMode::Ok || m_mode_count == 0) return false;
    mode = m_mode;
    if (m_mode_count > 0 && --m_mode_count == 0) m_mode = SimMode::Ok;
    return true;
}

void WhatsAppSimulator::wait_ms(int milliseconds) {
    if (milliseconds <= 0) return;
    std::unique_lock lock(m_mutex);
    m_stop_signal.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return m_stopping.load(); });
}

bool WhatsAppSimulator::record_message(SimMessage message) {
    message.to = simulated_whatsapp_number(message.to);
    if (message.to.empty()) return false;
    std::lock_guard lock(m_mutex);
    message.id = m_next_id++;
    if (message.message_id.empty()) message.message_id = message.driver + "-" + std::to_string(message.id);
    m_messages.push_back(std::move(message));
    return true;
}

HttpAnswer WhatsAppSimulator::post_webhook(const std::string& path, std::string body, const std::vector<std::pair<std::string, std::string>>& headers,
                                           const std::string& webhook_url) {
    std::string base;
    {
        std::lock_guard lock(m_mutex);
        base = m_options.webhook_base;
    }
    HttpCall call;
    call.url = webhook_url.empty() ? join_url(base, path) : webhook_url;
    call.headers.push_back({"Content-Type", "application/json"});
    for (const auto& header : headers) call.headers.push_back(header);
    call.body = std::move(body);
    call.timeout_ms = 15'000;
    return http_perform(call);
}

bool WhatsAppSimulator::record(const std::string& driver, const std::string& to, const std::string& message, std::int64_t& id) {
    const std::string phone = simulated_whatsapp_number(to);
    if (phone.empty()) return false;
    std::lock_guard lock(m_mutex);
    id = m_next_id++;
    m_messages.push_back(SimMessage{id, driver, phone, message});
    if (m_break_after > 0 && --m_break_after == 0) {
        m_break_after = -1;
        if (m_break_disconnects) {
            m_connected = false;
        } else {
            m_mode = m_break_mode;
            m_mode_count = -1;
        }
    }
    return true;
}

void WhatsAppSimulator::handle(Exchange& exchange) {
    wait_ms(m_delay_ms);
    const std::string& path = exchange.path;
    if (path.starts_with("/_sim/")) {
        if (path == "/_sim/messages" && exchange.method == "DELETE") {
            clear();
            exchange.reply(200, {{"success", true}});
        } else if (path == "/_sim/messages") {
            Json rows = Json::array();
            const std::string driver = value_of(exchange.query, "driver");
            for (const auto& message : messages())
                if (driver.empty() || driver == message.driver)
                    rows.push_back({{"id", message.id}, {"driver", message.driver}, {"to", message.to}, {"message", message.message}});
            exchange.reply(200, {{"messages", rows}, {"send_requests", send_requests()}});
        } else if (path == "/_sim/mode") {
            const Json body = parse_json_or_nothing(exchange.body);
            if (!body.is_object()) return exchange.reply(400, {{"error", "JSON object expected"}});
            const std::string mode = body.value("mode", std::string("ok"));
            const int count = body.contains("count") && body["count"].is_number_integer() ? body["count"].get<int>() : -1;
            if (body.contains("after") && body["after"].is_number_integer()) {
                const SimMode later = mode == "timeout" ? SimMode::Timeout : mode == "token_invalid" ? SimMode::TokenInvalid : SimMode::Error500;
                break_after(body["after"].get<int>(), later, body.value("disconnect", false));
                return exchange.reply(200, {{"success", true}, {"mode", mode}, {"after", body["after"]}});
            }
            if (mode == "ok") set_mode(SimMode::Ok);
            else if (mode == "error_500") set_mode(SimMode::Error500, count);
            else if (mode == "timeout") set_mode(SimMode::Timeout, count);
            else if (mode == "token_invalid") set_mode(SimMode::TokenInvalid, count);
            else if (mode == "rate_limited") set_mode(SimMode::RateLimited, count);
            else return exchange.reply(400, {{"error", "mode: ok, error_500, timeout, token_invalid or rate_limited"}});
            if (body.contains("delay_ms") && body["delay_ms"].is_number_integer()) set_delay_ms(body["delay_ms"].get<int>());
            if (body.contains("connected") && body["connected"].is_boolean()) set_connected(body["connected"].get<bool>());
            exchange.reply(200, {{"success", true}, {"mode", mode}});
        } else if (path == "/_sim/inbound") {
            const Json body = parse_json_or_nothing(exchange.body);
            if (!body.is_object()) return exchange.reply(400, {{"error", "JSON object expected"}});
            const auto answer = deliver_inbound(body.value("driver", std::string("fonnte")), body.value("from", std::string()),
                                                body.value("message", std::string()), body.value("id", std::string()),
                                                body.value("forge", false), body.value("webhook_url", std::string()));
            Json reply = {{"webhook_status", answer.status}, {"webhook_body", answer.body}};
            if (!answer.transport_error.empty()) reply["error"] = answer.transport_error;
            exchange.reply(200, reply);
        } else {
            exchange.reply(404, {{"error", "no such simulator endpoint"}});
        }
        return;
    }

    if (handle_wablas(exchange) || handle_waha(exchange) || handle_meta(exchange)) return;
    const bool is_send = path == "/send-message" || path == "/send" || path == "/send/message";
    const bool is_gowa = path == "/send/message" || path.starts_with("/app/");
    if (is_gowa && !gowa_basic_auth_ok(exchange.header("authorization"), m_options.basic_auth))
        return exchange.reply(401, {{"code", "UNAUTHORIZED"}, {"message", "Unauthorized access"}, {"results", nullptr}});
    if (is_send) {
        ++m_send_requests;
        SimMode failure = SimMode::Ok;
        if (consume_failure(failure)) {
            if (failure == SimMode::Error500) return exchange.reply(500, {{"status", false}, {"message", "Internal Server Error"}});
            if (failure == SimMode::RateLimited) return exchange.reply(429, {{"status", false}, {"message", "Too Many Requests"}});
            if (failure == SimMode::Timeout) {
                wait_ms(m_delay_ms > 0 ? 0 : 30'000);
                return exchange.reply(504, {{"status", false}, {"message", "Gateway Timeout"}});
            }
            if (path == "/send") return exchange.reply(200, {{"status", false}, {"reason", "invalid token"}});
            if (path == "/send-message") return exchange.reply(200, {{"status", false}, {"msg", "token invalid"}});
            return exchange.reply(401, {{"code", "UNAUTHORIZED"}, {"message", "Unauthorized access"}, {"results", nullptr}});
        }
    }
    const auto params = parameters(exchange);
    std::int64_t id = 0;
    if (path == "/send-message") {
        if (value_of(params, "api_key") != m_options.api_key) return exchange.reply(200, {{"status", false}, {"msg", "token invalid"}});
        if (value_of(params, "sender") != m_options.sender) return exchange.reply(200, {{"status", false}, {"msg", "Sender not found"}});
        if (!m_connected) return exchange.reply(200, {{"status", false}, {"msg", "Device not connected"}});
        if (!record("mpwa", value_of(params, "number"), value_of(params, "message"), id))
            return exchange.reply(200, {{"status", false}, {"msg", "Number not registered on WhatsApp"}});
        return exchange.reply(200, {{"status", true}, {"msg", "Message sent successfully!"}, {"data", {{"id", "SIM" + std::to_string(id)}}}});
    }
    if (path == "/generate-qr") {
        if (value_of(params, "api_key") != m_options.api_key) return exchange.reply(200, {{"status", false}, {"msg", "token invalid"}});
        if (m_connected) return exchange.reply(200, {{"status", false}, {"msg", "Device already connected!"}});
        return exchange.reply(200, {{"status", false}, {"qrcode", "data:image/png;base64,U0lNLVFS"}, {"message", "Please scan qrcode"}});
    }
    if (path == "/send" || path == "/device" || path == "/qr") {
        if (exchange.header("authorization") != m_options.api_key) return exchange.reply(200, {{"status", false}, {"reason", "invalid token"}});
        if (path == "/device")
            return exchange.reply(200, {{"status", true}, {"device", m_options.sender}, {"device_status", m_connected ? "connect" : "disconnect"},
                                        {"name", "Kimonet Sim"}, {"quota", "unlimited"}});
        if (path == "/qr") {
            if (m_connected) return exchange.reply(200, {{"status", false}, {"reason", "device already connect"}});
            return exchange.reply(200, {{"status", true}, {"url", "U0lNLVFS"}});
        }
        if (!m_connected) return exchange.reply(200, {{"status", false}, {"reason", "request invalid on disconnected device"}});
        std::string target = value_of(params, "target");
        const std::string country = value_of(params, "countryCode").empty() ? "62" : value_of(params, "countryCode");
        if (target.starts_with("0")) target = country + target.substr(1);
        if (const std::string file = value_of(params, "url"); !file.empty()) {
            // A file by link (https://docs.fonnte.com/api-send-message/: url, filename); the message is its caption.
            SimMessage document{0, "fonnte", target, value_of(params, "message"), "document", file, value_of(params, "filename")};
            if (!record_message(document)) return exchange.reply(200, {{"status", false}, {"reason", "target invalid"}});
            std::lock_guard lock(m_mutex);
            id = m_messages.back().id;
        } else if (!record("fonnte", target, value_of(params, "message"), id)) {
            return exchange.reply(200, {{"status", false}, {"reason", "target invalid"}});
        }
        return exchange.reply(200, {{"status", true}, {"detail", "success! message in queue"}, {"id", Json::array({std::to_string(id)})},
                                    {"process", "pending"}, {"requestid", id}, {"target", Json::array({simulated_whatsapp_number(target)})}});
    }
    if (path == "/send/message") {
        const std::string phone = value_of(params, "phone");
        const auto at = phone.find("@s.whatsapp.net");
        if (at == std::string::npos || at + 15 != phone.size())
            return exchange.reply(400, {{"code", "INVALID_JID"}, {"message", "phone must be <number>@s.whatsapp.net"}, {"results", nullptr}});
        if (!m_connected) return exchange.reply(500, {{"code", "INTERNAL_SERVER_ERROR"}, {"message", "you are not logged in"}, {"results", nullptr}});
        if (!record("gowa", phone.substr(0, at), value_of(params, "message"), id))
            return exchange.reply(400, {{"code", "INVALID_JID"}, {"message", "invalid number"}, {"results", nullptr}});
        return exchange.reply(200, {{"code", "SUCCESS"}, {"message", "Success"},
                                    {"results", {{"message_id", "3EB0SIM" + std::to_string(id)}, {"status", "Message sent to " + phone}}}});
    }
    // v9.0.0's docs/openapi.yaml: /app/devices lists every device slot (device = its id, jid empty
    // until login), logged in or not; /app/status tells whether the device is connected and logged in.
    const std::string jid = m_connected ? m_options.sender + "@s.whatsapp.net" : std::string();
    if (path == "/app/devices")
        return exchange.reply(200, {{"code", "SUCCESS"}, {"message", "Fetch device success"},
                                    {"results", Json::array({{{"name", "Kimonet Sim"}, {"device", "kimonet-sim"}, {"jid", jid}}})}});
    if (path == "/app/status")
        return exchange.reply(200, {{"status", 200}, {"code", "SUCCESS"}, {"message", "Connection status retrieved"},
                                    {"results", {{"is_connected", m_connected.load()}, {"is_logged_in", m_connected.load()},
                                                 {"device_id", "kimonet-sim"}, {"jid", jid}}}});
    if (path == "/app/login") {
        if (m_connected) return exchange.reply(400, {{"code", "ALREADY_LOGGED_IN"}, {"message", "you are already logged in."}, {"results", nullptr}});
        return exchange.reply(200, {{"code", "SUCCESS"}, {"message", "Login success"},
                                    {"results", {{"qr_duration", 30}, {"qr_link", base_url() + "/statics/images/qrcode/scan-qr-sim.png"}}}});
    }
    exchange.reply(404, {{"status", false}, {"message", "Not Found"}});
}

HttpAnswer WhatsAppSimulator::deliver_inbound(const std::string& driver, const std::string& from, const std::string& text,
                                                        const std::string& id, bool forge, const std::string& webhook_url) {
    std::string base, secret;
    {
        std::lock_guard lock(m_mutex);
        base = m_options.webhook_base;
        secret = m_options.webhook_secret;
    }
    const std::string phone = simulated_whatsapp_number(from).empty() ? from : simulated_whatsapp_number(from);
    if (driver == "wablas") return deliver_wablas_inbound(phone, text, id, forge, webhook_url);
    if (driver == "waha") return deliver_waha_inbound(phone, text, id, forge, webhook_url);
    if (driver == "meta") return deliver_meta_inbound(phone, text, id, forge, webhook_url);
    HttpCall call;
    call.headers.push_back({"Content-Type", "application/json"});
    call.timeout_ms = 15'000;
    if (driver == "gowa") {
        call.url = webhook_url.empty() ? join_url(base, "/webhook/whatsapp/gowa") : webhook_url;
        call.body = Json{{"event", "message"},
                              {"device_id", m_options.sender + "@s.whatsapp.net"},
                              {"payload", {{"id", id.empty() ? "3EB0IN" + random_hex(12) : id},
                                           {"chat_id", phone + "@s.whatsapp.net"},
                                           {"from", phone + "@s.whatsapp.net"},
                                           {"from_name", "Pelanggan"},
                                           {"body", text},
                                           {"timestamp", rfc3339_utc(whatsapp_timestamp())},
                                           {"is_from_me", false}}}}
                        .dump();
        // go-whatsapp-web-multidevice signs the raw body: X-Hub-Signature-256: sha256=<hex HMAC-SHA256(body, webhook secret)>
        // (https://www.mintlify.com/aldinokemal/go-whatsapp-web-multidevice/concepts/webhooks, "HMAC signature verification").
        call.headers.push_back({"X-Hub-Signature-256", "sha256=" + hmac_sha256_hex(forge ? secret + "-forged" : secret, call.body)});
    } else if (driver == "mpwa") {
        // MPWA does not sign: the webhook URL set at the gateway carries the secret.
        call.url = webhook_url.empty() ? join_url(base, "/webhook/whatsapp/mpwa") : webhook_url;
        if (webhook_url.empty() && !secret.empty()) call.url += "?token=" + url_encode(forge ? secret + "-forged" : secret);
        Json body = {{"from", phone}, {"message", text}, {"bufferImage", nullptr}};
        if (!id.empty()) body["id"] = id;
        call.body = body.dump();
    } else {
        // Fonnte does not sign either: the secret rides in the webhook URL.
        call.url = webhook_url.empty() ? join_url(base, "/webhook/whatsapp/fonnte") : webhook_url;
        if (webhook_url.empty() && !secret.empty()) call.url += "?token=" + url_encode(forge ? secret + "-forged" : secret);
        // https://docs.fonnte.com/webhook-reply-message: device, sender, message, text (a button's), member
        // (a group's member), name, location, timestamp; inboxid with Fonnte's inbox feature only.
        Json body = {{"device", m_options.sender}, {"sender", phone},       {"message", text}, {"text", ""},
                     {"member", ""},               {"name", "Pelanggan"}, {"location", ""},  {"timestamp", whatsapp_timestamp()}};
        if (!id.empty()) body["inboxid"] = id;
        call.body = body.dump();
    }
    return http_perform(call);
}

}  // namespace kimonet::sim
