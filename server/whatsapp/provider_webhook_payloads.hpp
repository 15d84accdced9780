#pragma once
// Reading the Wablas, WAHA and Meta WhatsApp Cloud API webhook bodies (issue 22), apart from
// authentication and the bot, so the parsing is pure (the same shape as webhook_payloads.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "whatsapp/webhook_payloads.hpp"

namespace kimonet::whatsapp {

struct ProviderWebhook {
    bool ignored = false;  // our own outgoing message, a group, or another event
    WebhookMessage message;
};

// Wablas: a JSON object or a form body {id, phone, message, pushName, isGroup, isFromMe, …}.
ProviderWebhook parse_wablas_webhook(std::string_view body);

struct WahaWebhook {
    std::string event;  // "message", "session.status", …
    bool ignored = false;
    WebhookMessage message;      // event "message": payload {id, from "628…@c.us", body, fromMe}
    std::string session;
    std::string session_status;  // event "session.status": payload.status (WORKING, SCAN_QR_CODE, FAILED, STOPPED…)
};
// WAHA: {"event", "session", "payload": {…}}. BadRequest when the body is not a JSON object.
Result<WahaWebhook> parse_waha_webhook(std::string_view body);

struct MetaStatus {
    std::string message_id;  // wamid.…
    std::string status;      // sent, delivered, read, failed
    std::string recipient;
    long error_code = 0;     // with "failed": errors[0].code (131047, 131026, …)
    std::string error_title;
};
struct MetaWebhook {
    std::vector<WebhookMessage> messages;  // text (and button replies) customers sent
    std::vector<MetaStatus> statuses;
};
// Meta: {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":
// {"messages":[{from, id, type, text:{body}}…], "statuses":[{id, status, recipient_id, errors}…]}}]}]}.
// BadRequest when the body is not such an object.
Result<MetaWebhook> parse_meta_webhook(std::string_view body);

}  // namespace kimonet::whatsapp
