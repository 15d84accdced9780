// Inbound WhatsApp webhooks (public: the gateways call them). go-whatsapp-web-multidevice signs
// the raw body with HMAC-SHA256 (X-Hub-Signature-256); Fonnte does not sign, so when a webhook
// secret is set its URL must carry ?token=<secret>. A forged call gets 401, is logged, and
// changes nothing else.
#include "http/routes.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "services/whatsapp_bot.hpp"
#include "whatsapp/webhook_payloads.hpp"

namespace kimonet::http {

namespace {

constexpr std::size_t kMaxWebhookBody = 64 * 1024;

std::string fallback_base_url(const app::App& app) {
    if (!app.config().public_base_url.empty()) return app.config().public_base_url;
    return "http://" + app.config().bind + ":" + std::to_string(app.config().port);
}

RouteResult reject(app::Context& context, const std::string& driver, const std::string& reason) {
    TRY_VOID(services::log_activity(context, "whatsapp.webhook_rejected", "whatsapp_webhook", std::nullopt, nullptr,
                                    {{"driver", driver}, {"reason", reason}, {"ip", context.actor.ip}}));
    return make_error(ErrorCode::Unauthorized, "Webhook signature is invalid");
}

RouteResult answer(app::Context& context, const app::App& app, const services::InboundMessage& message) {
    const auto reply = TRY(services::handle_inbound_message(context, message, fallback_base_url(app)));
    api::Json data = {{"intent", reply.intent}, {"queued", reply.queued}};
    if (reply.notification_id) data["notification_id"] = *reply.notification_id;
    return json_ok({{"data", data}});
}

}  // namespace

void register_whatsapp_webhook_routes(Router& router, app::App& app) {
    router.add(Route{"POST", "/webhook/whatsapp/fonnte", Access::Public, "", "Fonnte incoming-message webhook (JSON device, sender, name, message)",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const std::string secret = TRY(services::get_secret_setting(context.db, context.secrets, "whatsapp_webhook_secret"));
                             if (!secret.empty() && !security::constant_time_equals(request.query_value("token"), secret))
                                 return reject(context, "fonnte", "missing or wrong ?token");
                             auto parsed = whatsapp::parse_fonnte_webhook(request.body);
                             services::InboundMessage message;
                             message.driver = "fonnte";
                             message.from = std::move(parsed.from);
                             message.text = std::move(parsed.text);
                             message.message_id = std::move(parsed.message_id);
                             return answer(context, app, message);
                         });
                     },
                     kMaxWebhookBody});
    router.add(Route{"POST", "/webhook/whatsapp/gowa", Access::Public, "",
                     "go-whatsapp-web-multidevice webhook, signed X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             const std::string secret = TRY(services::get_secret_setting(context.db, context.secrets, "whatsapp_webhook_secret"));
                             if (secret.empty()) return reject(context, "gowa", "no webhook secret configured");
                             const std::string expected = "sha256=" + security::hmac_sha256_hex(secret, request.body);
                             if (!security::constant_time_equals(request.header("x-hub-signature-256"), expected))
                                 return reject(context, "gowa", "bad signature");
                             auto parsed = TRY(whatsapp::parse_gowa_webhook(request.body));
                             if (parsed.ignored) return json_ok({{"data", {{"intent", "ignored"}, {"queued", false}}}});
                             services::InboundMessage message;
                             message.driver = "gowa";
                             message.from = std::move(parsed.message.from);
                             message.text = std::move(parsed.message.text);
                             message.message_id = std::move(parsed.message.message_id);
                             return answer(context, app, message);
                         });
                     },
                     kMaxWebhookBody});
}

}  // namespace kimonet::http
