// Inbound WhatsApp webhooks (public: the gateways call them). Closed unless configured: a
// webhook answers only for the configured whatsapp_driver (or whatsapp_backup_driver) and only when whatsapp_webhook_secret
// is set; otherwise it is a 404 like any unknown path, and does nothing.
//
// How each provider proves a call is its own:
// - go-whatsapp-web-multidevice (gowa) signs the raw body: X-Hub-Signature-256: sha256=<hex
//   HMAC-SHA256(webhook secret, body)> (its --webhook-secret / WHATSAPP_WEBHOOK_SECRET).
// - WAHA signs the raw body with its hmac.key: X-Webhook-Hmac: <hex HMAC-SHA512(webhook secret,
//   body)> and X-Webhook-Hmac-Algorithm: sha512.
// - Meta's WhatsApp Cloud API signs with the app secret (whatsapp_meta_app_secret, not the webhook
//   secret): X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>; its GET URL check
//   answers hub.challenge only for the configured whatsapp_meta_verify_token.
// - Fonnte, MPWA and Wablas do not sign their webhooks: the webhook URL configured at the provider
//   carries the secret, /webhook/whatsapp/fonnte?token=<secret> (or an X-Webhook-Token header
//   for a proxy that adds one), compared in constant time over digests (no length leak).
// A refused call gets 401, changes nothing in the database (a forger cannot fill the disk with
// our rejection log) and is reported on stderr at most a few times a minute.
// Verified calls are answered {"success":true} whatever the bot did, so the webhook never tells
// its caller whether a number is a customer; each sender gets at most kRepliesPerMinute answers
// a minute (bounded memory), the rest is acknowledged and dropped.
#include <cstdio>
#include <memory>

#include "core/whatsapp_provider_messages.hpp"
#include "customers/customer.hpp"
#include "http/public_limit.hpp"
#include "http/routes.hpp"
#include "security/crypto.hpp"
#include "security/hmac_sha512.hpp"
#include "services/settings.hpp"
#include "services/activity_log.hpp"
#include "services/whatsapp_bot.hpp"
#include "services/whatsapp_delivery_reports.hpp"
#include "whatsapp/provider_webhook_payloads.hpp"
#include "whatsapp/webhook_payloads.hpp"

namespace kimonet::http {

namespace {

constexpr std::size_t kMaxWebhookBody = 64 * 1024;
constexpr int kRepliesPerMinute = 6;          // a burst of six, then one every ten seconds per sender
constexpr std::size_t kMaxSenders = 10'000;   // buckets kept in memory at most
constexpr int kRejectionReportsPerMinute = 6;

struct WebhookState {
    RateLimiter senders{kMaxSenders};
    RateLimiter reports{16};
};

std::string fallback_base_url(const app::App& app) {
    if (!app.config().public_base_url.empty()) return app.config().public_base_url;
    return "http://" + app.config().bind + ":" + std::to_string(app.config().port);
}

bool secrets_match(std::string_view given, std::string_view secret) {
    return security::constant_time_equals(security::sha256_hex(given), security::sha256_hex(secret));
}

// Why a call is not the configured provider's, or "" when it is.
Result<std::string> refusal(app::Context& context, const Request& request, const std::string& driver, bool& closed) {
    const std::string configured = TRY(services::get_setting(context.db, "whatsapp_driver"));
    // Meta signs with the app's secret; every other provider's key is our webhook secret.
    const char* secret_key = driver == "meta" ? "whatsapp_meta_app_secret" : "whatsapp_webhook_secret";
    const std::string secret = TRY(services::get_secret_setting(context.db, context.secrets, secret_key));
    // Customers answer the number that wrote to them: with failover that may be the backup gateway's
    // (issue 22), so its driver's webhook is open too, under the same secret.
    const std::string backup = TRY(services::get_setting(context.db, "whatsapp_backup_driver"));
    closed = (configured != driver && backup != driver) || secret.empty();
    if (closed) return std::string("webhook closed (not the configured driver, or no webhook secret)");
    if (driver == "gowa" || driver == "meta") {
        const std::string expected = "sha256=" + security::hmac_sha256_hex(secret, request.body);
        return secrets_match(request.header("x-hub-signature-256"), expected) ? std::string() : std::string("bad X-Hub-Signature-256");
    }
    if (driver == "waha") {
        // WAHA's hmac.key: X-Webhook-Hmac = hex HMAC-SHA512(key, raw body), X-Webhook-Hmac-Algorithm: sha512.
        if (request.header("x-webhook-hmac-algorithm") != "sha512") return std::string("missing or unknown X-Webhook-Hmac-Algorithm");
        const std::string expected = security::hmac_sha512_hex(secret, request.body);
        return secrets_match(request.header("x-webhook-hmac"), expected) ? std::string() : std::string("bad X-Webhook-Hmac");
    }
    std::string token = request.query_value("token");
    if (token.empty()) token = request.header("x-webhook-token");
    return secrets_match(token, secret) ? std::string() : std::string("missing or wrong token");
}

RouteResult refuse(WebhookState& state, app::Context& context, const Request& request, const std::string& driver, const std::string& reason,
                   bool closed) {
    // Per server on purpose: this only thins out stderr lines (each server's own log); N servers
    // print at most N× as many, and no request is refused by it.
    if (state.reports.take(driver, kRejectionReportsPerMinute, limiter_time(context.now)).allowed)
        std::fprintf(stderr, "whatsapp webhook %s refused from %s: %s\n", driver.c_str(), request.client_ip.c_str(), reason.c_str());
    if (closed) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kNoRoute, request.method + " " + request.path));
    return make_error(ErrorCode::Unauthorized, messages::kWebhookSignatureInvalid);
}

// "62812…@s.whatsapp.net", "62812…:12@s.whatsapp.net" and "0812…" are one sender.
std::string sender_key(std::string from) {
    if (auto at = from.find('@'); at != std::string::npos) from.resize(at);
    if (auto colon = from.find(':'); colon != std::string::npos) from.resize(colon);
    const std::string phone = normalize_phone(from);
    return phone.empty() ? from.substr(0, 64) : phone;
}

RouteResult answer(WebhookState& state, app::Context& context, const app::App& app, const services::InboundMessage& message) {
    if (!message.from.empty() && !message.text.empty() &&
        !take_token(state.senders, "sender:" + sender_key(message.from), kRepliesPerMinute, context).allowed)
        return json_ok();  // acknowledged (the provider must not retry), not answered
    TRY(services::handle_inbound_message(context, message, fallback_base_url(app)));
    return json_ok();
}

services::InboundMessage inbound(const char* driver, whatsapp::WebhookMessage parsed) {
    services::InboundMessage message;
    message.driver = driver;
    message.from = std::move(parsed.from);
    message.text = std::move(parsed.text);
    message.message_id = std::move(parsed.message_id);
    return message;
}

template <typename Handle>
Route webhook_route(app::App& app, std::shared_ptr<WebhookState> state, const std::string& driver, const std::string& summary, Handle handle) {
    return Route{"POST", "/webhook/whatsapp/" + driver, Access::Public, "", summary,
                 [&app, state, driver, handle](Request& request) -> RouteResult {
                     return with_context(app, request, [&](app::Context& context) -> RouteResult {
                         bool closed = false;
                         const std::string reason = TRY(refusal(context, request, driver, closed));
                         if (!reason.empty()) return refuse(*state, context, request, driver, reason, closed);
                         return handle(*state, context, request);
                     });
                 },
                 kMaxWebhookBody};
}

// Meta's webhook URL check (GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…): the
// challenge echoed as plain text when the verify token matches; 403 otherwise (404 while closed,
// i.e. while Meta is neither the primary nor the backup driver).
RouteResult meta_verification(WebhookState& state, app::Context& context, const Request& request) {
    // Open whenever the POST webhook is: Meta as the primary or as the backup gateway (Meta checks
    // the URL before it sends anything to it).
    const std::string configured = TRY(services::get_setting(context.db, "whatsapp_driver"));
    const std::string backup = TRY(services::get_setting(context.db, "whatsapp_backup_driver"));
    const std::string token = TRY(services::get_secret_setting(context.db, context.secrets, "whatsapp_meta_verify_token"));
    if ((configured != "meta" && backup != "meta") || token.empty())
        return refuse(state, context, request, "meta", "verification closed (not meta, or no verify token)", true);
    const std::string challenge = request.query_value("hub.challenge");
    const bool valid_challenge = !challenge.empty() && challenge.size() <= 256 && challenge.find_first_of("\r\n<>&\"'") == std::string::npos;
    if (request.query_value("hub.mode") != "subscribe" || !secrets_match(request.query_value("hub.verify_token"), token) || !valid_challenge) {
        if (state.reports.take("meta-verify", kRejectionReportsPerMinute, limiter_time(context.now)).allowed)
            std::fprintf(stderr, "whatsapp webhook meta verification refused from %s\n", request.client_ip.c_str());
        return make_error(ErrorCode::Forbidden, messages::kWebhookVerifyTokenInvalid);
    }
    Response response;
    response.content_type = "text/plain";
    response.body = challenge;
    return response;
}

// Meta's signed POST: each customer message goes to the bot; a "failed" status marks the message
// we sent as not delivered; sent, delivered and read change nothing.
RouteResult meta_notification(WebhookState& state, app::Context& context, const app::App& app, const Request& request) {
    const whatsapp::MetaWebhook parsed = TRY(whatsapp::parse_meta_webhook(request.body));
    for (const whatsapp::MetaStatus& status : parsed.statuses) {
        if (status.status != "failed") continue;
        const std::string reason = "#" + std::to_string(status.error_code) + (status.error_title.empty() ? "" : " " + status.error_title);
        TRY(services::record_undelivered_message(context, "meta:", status.message_id, messages::with_detail(messages::kGatewayRefusedMessage, reason)));
    }
    for (const whatsapp::WebhookMessage& message : parsed.messages) TRY(answer(state, context, app, inbound("meta", message)));
    return json_ok();
}

}  // namespace

void register_whatsapp_webhook_routes(Router& router, app::App& app) {
    auto state = std::make_shared<WebhookState>();
    router.add(webhook_route(app, state, "fonnte", "Fonnte incoming-message webhook (JSON device, sender, name, message); URL carries ?token=<secret>",
                             [&app](WebhookState& shared, app::Context& context, const Request& request) {
                                 return answer(shared, context, app, inbound("fonnte", whatsapp::parse_fonnte_webhook(request.body)));
                             }));
    router.add(webhook_route(app, state, "mpwa", "MPWA incoming-message webhook (JSON from, message); URL carries ?token=<secret>",
                             [&app](WebhookState& shared, app::Context& context, const Request& request) {
                                 return answer(shared, context, app, inbound("mpwa", whatsapp::parse_mpwa_webhook(request.body)));
                             }));
    router.add(webhook_route(
        app, state, "gowa", "go-whatsapp-web-multidevice webhook, signed X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>",
        [&app](WebhookState& shared, app::Context& context, const Request& request) -> RouteResult {
            auto parsed = TRY(whatsapp::parse_gowa_webhook(request.body));
            if (parsed.ignored) return json_ok();
            return answer(shared, context, app, inbound("gowa", std::move(parsed.message)));
        }));
    router.add(webhook_route(app, state, "wablas", "Wablas incoming-message webhook (id, phone, message, isGroup, isFromMe); URL carries ?token=<secret>",
                             [&app](WebhookState& shared, app::Context& context, const Request& request) -> RouteResult {
                                 auto parsed = whatsapp::parse_wablas_webhook(request.body);
                                 if (parsed.ignored) return json_ok();
                                 return answer(shared, context, app, inbound("wablas", std::move(parsed.message)));
                             }));
    router.add(webhook_route(
        app, state, "waha", "WAHA webhook (events message, session.status), signed X-Webhook-Hmac: <hex HMAC-SHA512(secret, body)>",
        [&app](WebhookState& shared, app::Context& context, const Request& request) -> RouteResult {
            auto parsed = TRY(whatsapp::parse_waha_webhook(request.body));
            if (parsed.event == "session.status") {
                TRY_VOID(services::log_activity(context, "whatsapp.session_status", "whatsapp", std::nullopt, nullptr,
                                                {{"driver", "waha"}, {"session", parsed.session.substr(0, 64)}, {"status", parsed.session_status.substr(0, 32)}}));
                return json_ok();
            }
            if (parsed.ignored) return json_ok();
            return answer(shared, context, app, inbound("waha", std::move(parsed.message)));
        }));
    router.add(webhook_route(app, state, "meta",
                             "Meta WhatsApp Cloud API webhook (messages, statuses), signed X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>",
                             [&app](WebhookState& shared, app::Context& context, const Request& request) {
                                 return meta_notification(shared, context, app, request);
                             }));
    router.add(Route{"GET", "/webhook/whatsapp/meta", Access::Public, "", "Meta WhatsApp Cloud API webhook URL check (hub.mode, hub.verify_token, hub.challenge)",
                     [&app, state](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) { return meta_verification(*state, context, request); });
                     },
                     kMaxWebhookBody});
}

}  // namespace kimonet::http
