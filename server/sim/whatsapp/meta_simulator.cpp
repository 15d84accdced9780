// Meta's WhatsApp Cloud API as its reference describes it (developers.facebook.com/docs/whatsapp/
// cloud-api: "Messages", "Error codes", "Webhooks"): POST /v{N}/{phone_number_id}/messages with
// "Authorization: Bearer <token>" and {"messaging_product":"whatsapp","to","type": text | template |
// document, …} -> {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":
// "wamid.…"}]}; errors {"error":{"message","type","code","error_data":{"messaging_product","details"},
// "fbtrace_id"}}: 190 (access token), 100 (invalid parameter), 130429 (throughput), 131026
// (undeliverable), 132000 (parameter count), 132001 (template does not exist). Free text is
// accepted for any number, but reaches only those who wrote in the last 24 hours: otherwise Meta
// reports it failed later (131047), which the test sends with deliver_meta_status. GET
// /v{N}/{phone_number_id}?fields=… -> {display_phone_number, verified_name, quality_rating, status, id}.
// Webhooks: {"object":"whatsapp_business_account","entry":[{"id","changes":[{"field":"messages",
// "value":{"messaging_product","metadata":{display_phone_number, phone_number_id},"contacts",
// "messages" | "statuses"}}]}]} signed "X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>".
#include <chrono>

#include "sim/sim_crypto.hpp"
#include "sim/whatsapp/simulator_exchange.hpp"

namespace kimonet::sim {

namespace {

Json meta_graph_error(long code, const std::string& message, const std::string& details = {}, const std::string& type = "OAuthException") {
    Json error = {{"message", message}, {"type", type}, {"code", code}, {"fbtrace_id", "Sim" + random_hex(20)}};
    if (!details.empty()) error["error_data"] = {{"messaging_product", "whatsapp"}, {"details", details}};
    return Json{{"error", error}};
}

std::int64_t meta_now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Meta refuses text parameters with line breaks, tabs or more than four consecutive spaces.
bool meta_parameter_acceptable(const std::string& text) {
    if (text.empty() || text.find_first_of("\n\t") != std::string::npos) return false;
    return text.find("     ") == std::string::npos;
}

}  // namespace

bool WhatsAppSimulator::handle_meta(Exchange& exchange) {
    const std::string& path = exchange.path;
    if (!path.starts_with("/v") || path.size() < 4 || path[2] < '0' || path[2] > '9') return false;
    const auto second = path.find('/', 1);
    if (second == std::string::npos) return false;
    const std::string rest = path.substr(second + 1);
    const std::string node = rest.substr(0, rest.find('/'));
    const std::string edge = rest.find('/') == std::string::npos ? std::string() : rest.substr(rest.find('/') + 1);
    const std::string authorization = exchange.header("authorization");
    if (!authorization.starts_with("Bearer ") || !same_secret(authorization.substr(7), m_options.api_key))
        return exchange.reply(401, meta_graph_error(190, "Invalid OAuth access token - Cannot parse access token")), true;
    if (node != m_options.meta_phone_number_id)
        return exchange.reply(400, meta_graph_error(100, "Unsupported post request. Object with ID '" + node + "' does not exist", {}, "GraphMethodException")), true;
    if (edge.empty() && exchange.method == "GET")
        return exchange.reply(200, {{"display_phone_number", "+62 812-0000-0000"}, {"verified_name", "Kimonet Sim"}, {"quality_rating", "GREEN"},
                                    {"status", m_connected ? "CONNECTED" : "DISCONNECTED"}, {"id", node}}),
               true;
    if (edge != "messages" || exchange.method != "POST") return exchange.reply(400, meta_graph_error(100, "Unknown path components: /" + edge)), true;
    ++m_send_requests;
    SimMode failure = SimMode::Ok;
    if (consume_failure(failure)) {
        if (failure == SimMode::Error500) return exchange.reply(500, meta_graph_error(131000, "(#131000) Something went wrong", "Something went wrong")), true;
        if (failure == SimMode::RateLimited)
            return exchange.reply(400, meta_graph_error(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.")), true;
        if (failure == SimMode::Timeout) {
            wait_ms(m_delay_ms > 0 ? 0 : 30'000);
            return exchange.reply(504, meta_graph_error(2, "Service temporarily unavailable")), true;
        }
        return exchange.reply(401, meta_graph_error(190, "Error validating access token: Session has expired.")), true;
    }
    const Json body = parse_json_or_nothing(exchange.body);
    if (!body.is_object() || field_text(body, "messaging_product") != "whatsapp")
        return exchange.reply(400, meta_graph_error(100, "(#100) The parameter messaging_product is required.")), true;
    const std::string to = field_text(body, "to"), type = field_text(body, "type");
    const Json content = body.contains(type) && body[type].is_object() ? body[type] : Json();
    if (!content.is_object()) return exchange.reply(400, meta_graph_error(100, "(#100) Param " + type + " must be an object")), true;
    SimMessage message;
    message.driver = "meta";
    message.to = to;
    message.type = type;
    if (type == "text") {
        message.message = field_text(content, "body");
        if (message.message.empty()) return exchange.reply(400, meta_graph_error(100, "(#100) Param text['body'] is required")), true;
        std::lock_guard lock(m_mutex);
        const auto opened = m_meta_window_opened.find(simulated_whatsapp_number(to));
        message.outside_window = opened == m_meta_window_opened.end() || meta_now_seconds() - opened->second > 24 * 3600;
    } else if (type == "document") {
        message.document = field_text(content, "link");
        message.filename = field_text(content, "filename");
        message.message = field_text(content, "caption");
        if (!message.document.starts_with("https://") && !message.document.starts_with("http://"))
            return exchange.reply(400, meta_graph_error(100, "(#100) Param document['link'] must be a valid URL")), true;
    } else if (type == "template") {
        message.template_name = field_text(content, "name");
        const std::string language = content.contains("language") ? field_text(content["language"], "code") : std::string();
        int expected = -1;
        std::map<std::string, int> approved;
        {
            std::lock_guard lock(m_mutex);
            approved = m_options.meta_templates;
        }
        if (!approved.empty()) {
            const auto found = approved.find(message.template_name);
            if (found == approved.end() || language != m_options.meta_language)
                return exchange.reply(404, meta_graph_error(132001, "(#132001) Template name does not exist in the translation",
                                                            "template name (" + message.template_name + ") does not exist in " + language)),
                       true;
            expected = found->second;
        }
        if (content.contains("components") && content["components"].is_array())
            for (const Json& component : content["components"])
                if (field_text(component, "type") == "body" && component.contains("parameters") && component["parameters"].is_array())
                    for (const Json& parameter : component["parameters"]) {
                        const std::string text = field_text(parameter, "text");
                        if (!meta_parameter_acceptable(text))
                            return exchange.reply(400, meta_graph_error(100, "(#100) Invalid parameter",
                                                                        "Param text cannot have new-line/tab characters or more than 4 consecutive spaces")),
                                   true;
                        message.parameters.push_back(text);
                    }
        if (expected >= 0 && static_cast<int>(message.parameters.size()) != expected)
            return exchange.reply(400, meta_graph_error(132000, "(#132000) Number of parameters does not match the expected number of params",
                                                        "body: number of localizable_params (" + std::to_string(message.parameters.size()) +
                                                            ") does not match the expected number of params (" + std::to_string(expected) + ")")),
                   true;
        for (const std::string& parameter : message.parameters) message.message += (message.message.empty() ? "" : " | ") + parameter;
    } else {
        return exchange.reply(400, meta_graph_error(100, "(#100) Param type must be one of {TEXT, TEMPLATE, DOCUMENT, …}")), true;
    }
    message.message_id = "wamid.HBgNSIM" + random_hex(24);
    const std::string id = message.message_id, phone = simulated_whatsapp_number(to);
    if (!record_message(message))
        return exchange.reply(400, meta_graph_error(131026, "(#131026) Message Undeliverable", "Message Undeliverable.")), true;
    return exchange.reply(200, {{"messaging_product", "whatsapp"},
                                {"contacts", Json::array({{{"input", to}, {"wa_id", phone}}})},
                                {"messages", Json::array({{{"id", id}}})}}),
           true;
}

void WhatsAppSimulator::approve_meta_template(const std::string& name, int parameters) {
    std::lock_guard lock(m_mutex);
    m_options.meta_templates[name] = parameters;
}

HttpAnswer WhatsAppSimulator::deliver_meta_inbound(const std::string& phone, const std::string& text, const std::string& id, bool forge,
                                                   const std::string& webhook_url) {
    {
        std::lock_guard lock(m_mutex);
        m_meta_window_opened[phone] = meta_now_seconds();  // the customer service window opens
    }
    const Json value = {{"messaging_product", "whatsapp"},
                        {"metadata", {{"display_phone_number", m_options.sender}, {"phone_number_id", m_options.meta_phone_number_id}}},
                        {"contacts", Json::array({{{"profile", {{"name", "Pelanggan"}}}, {"wa_id", phone}}})},
                        {"messages", Json::array({{{"from", phone},
                                                   {"id", id.empty() ? "wamid.HBgNSIMIN" + random_hex(24) : id},
                                                   {"timestamp", std::to_string(meta_now_seconds())},
                                                   {"type", "text"},
                                                   {"text", {{"body", text}}}}})}};
    const std::string body =
        Json{{"object", "whatsapp_business_account"}, {"entry", Json::array({{{"id", "WABA-SIM"}, {"changes", Json::array({{{"value", value}, {"field", "messages"}}})}}})}}
            .dump();
    const std::string signature = "sha256=" + hmac_sha256_hex(forge ? m_options.meta_app_secret + "-forged" : m_options.meta_app_secret, body);
    return post_webhook("/webhook/whatsapp/meta", body, {{"X-Hub-Signature-256", signature}}, webhook_url);
}

HttpAnswer WhatsAppSimulator::deliver_meta_status(const std::string& message_id, const std::string& status, long error_code,
                                                  const std::string& error_title, bool forge) {
    std::string recipient;
    {
        std::lock_guard lock(m_mutex);
        for (const SimMessage& message : m_messages)
            if (message.message_id == message_id) recipient = message.to;
    }
    Json report = {{"id", message_id}, {"status", status}, {"timestamp", std::to_string(meta_now_seconds())}, {"recipient_id", recipient}};
    if (status == "failed")
        report["errors"] = Json::array({{{"code", error_code}, {"title", error_title}, {"message", error_title}, {"error_data", {{"details", error_title}}}}});
    const Json value = {{"messaging_product", "whatsapp"},
                        {"metadata", {{"display_phone_number", m_options.sender}, {"phone_number_id", m_options.meta_phone_number_id}}},
                        {"statuses", Json::array({report})}};
    const std::string body =
        Json{{"object", "whatsapp_business_account"}, {"entry", Json::array({{{"id", "WABA-SIM"}, {"changes", Json::array({{{"value", value}, {"field", "messages"}}})}}})}}
            .dump();
    const std::string signature = "sha256=" + hmac_sha256_hex(forge ? m_options.meta_app_secret + "-forged" : m_options.meta_app_secret, body);
    return post_webhook("/webhook/whatsapp/meta", body, {{"X-Hub-Signature-256", signature}});
}

}  // namespace kimonet::sim
