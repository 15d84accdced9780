// Notifications (the outbox and its log), message templates, and the WhatsApp device.
#include "http/routes.hpp"
#include "messaging/wait_reason.hpp"
#include "services/settings.hpp"
#include "services/message_template_service.hpp"
#include "services/notification_service.hpp"
#include "store/notification_store.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::http {

namespace {

Result<std::optional<std::int64_t>> optional_id_query(const Request& request, const char* name) {
    const std::string text = request.query_value(name);
    if (text.empty()) return std::optional<std::int64_t>();
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (*end != '\0' || value <= 0) return validation_error({{name, messages::kMustBeId}});
    return std::optional<std::int64_t>(value);
}

void register_notification_routes(Router& router, app::App& app) {
    router.add("GET", "/api/notifications", "messages.read", "Notification log (?status=queued|sending|sent|failed|cancelled&customer_id=&page=)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request));  // named: clang 14 cannot capture structured bindings
                   const int page = paging.first, per_page = paging.second;
                   services::NotificationQuery query;
                   query.status = request.query_value("status");
                   query.customer_id = TRY(optional_id_query(request, "customer_id"));
                   query.page = page;
                   query.per_page = per_page;
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto result = TRY(services::list_notifications(context.db, query));
                       return json_list(std::move(result.rows), result.total, {{"page", page}, {"per_page", per_page}});
                   });
               });
    router.add("GET", "/api/notifications/{id}", "messages.read", "One notification with its delivery attempts", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_notification(context.db, request.id_param()));
        });
    });
    router.add("POST", "/api/notifications/{id}/resend", "messages.send", "Queue a notification again", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::resend_notification(context, request.id_param()));
        });
    });
    router.add("POST", "/api/notifications/broadcast", "messages.send",
               "Queue a message to a segment {segment:{router_id|package_id|status|all}, template?, message?}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::broadcast_notification(context, body), 201);
                   });
               });
}

void register_template_routes(Router& router, app::App& app) {
    router.add("GET", "/api/message-templates", "messages.read", "Message templates with placeholders and defaults", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto rows = TRY(services::list_message_templates(context.db));
            const auto total = static_cast<std::int64_t>(rows.size());
            return json_list(std::move(rows), total);
        });
    });
    router.add("GET", "/api/message-templates/{key}", "messages.read", "One message template", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_message_template(context.db, request.params.at("key")));
        });
    });
    router.add("PUT", "/api/message-templates/{key}", "settings.update", "Save a template (422 on unknown placeholders; reset:true restores the default)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::save_message_template(context, request.params.at("key"), body));
                   });
               });
    router.add("POST", "/api/message-templates/preview", "messages.read", "Render a template with sample data {key, body?, variables?}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::preview_message_template(context.db, body));
                   });
               });
}

// Why queued messages wait (messaging/wait_reason.hpp), from the outbox and the settings.
static Result<api::Json> waiting_reason(app::Context& context, std::int64_t queued, bool configured) {
    messaging::OutboxState state;
    state.queued = queued;
    state.configured = configured;
    state.last_retry_error = TRY(store::latest_queued_retry_error(context.db));
    if (auto quiet = messaging::parse_quiet_hours(TRY(services::get_setting(context.db, "whatsapp_quiet_hours")))) state.quiet = *quiet;
    const LocalDateTime local = local_from_unix(context.now, context.offset);
    state.minute_of_day = local.hour * 60 + local.minute;
    state.rate_seconds = TRY(services::get_setting_int(context.db, "whatsapp_rate_limit_seconds"));
    const messaging::WaitReason reason = messaging::why_messages_wait(state);
    return api::Json{{"reason", messaging::to_string(reason.kind)}, {"until", reason.until}, {"seconds", reason.seconds}, {"error", reason.error}};
}

void register_device_routes(Router& router, app::App& app) {
    router.add("GET", "/api/whatsapp/status", "settings.read", "WhatsApp device connection status and pairing QR", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            const auto settings = TRY(whatsapp::messenger_settings(context.db, context.secrets));
            api::Json data = {{"driver", settings.driver}, {"api_url", settings.api_url}, {"sender", settings.sender}, {"configured", !settings.api_url.empty()}};
            api::Json counts = {{"queued", 0}, {"sending", 0}, {"sent", 0}, {"failed", 0}};
            for (const auto& [status, count] : TRY(store::count_notifications_by_status(context.db))) counts[status] = count;
            data["outbox"] = counts;
            data["waiting"] = TRY(waiting_reason(context, counts["queued"].get<std::int64_t>(), !settings.api_url.empty()));
            if (settings.api_url.empty()) return json_ok({{"data", data}});
            auto messenger = TRY(context.ports.messenger(settings));
            auto status = messenger->device_status();
            if (!status) {
                data["connected"] = false;
                data["error"] = status.error().message();
            } else {
                data["connected"] = status->connected;
                data["state"] = status->state;
                data["device"] = status->device;
                data["qr_code"] = status->qr_code;
                data["detail"] = status->detail;
            }
            return json_ok({{"data", data}});
        });
    });
    router.add("POST", "/api/whatsapp/test", "messages.send", "Queue a test message {phone, message}", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        api::FieldReader reader(body);
        std::string phone, message;
        reader.read("phone", phone);
        reader.read("message", message);
        if (!reader.ok()) return validation_error(std::move(reader.errors()));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            // The operator is waiting for it: transactional, like a one-time code.
            services::NotificationRequest notification(services::MessageClass::Transactional);
            notification.key = "test:" + std::to_string(context.now) + ":" + phone + ":" + std::to_string(std::hash<std::string>{}(message));
            notification.phone = phone;
            notification.body = message;
            const auto queued = TRY(services::queue_notification(context, notification));
            return json_data(services::get_notification(context.db, queued.id), 201);
        });
    });
}

}  // namespace

void register_messaging_routes(Router& router, app::App& app) {
    register_notification_routes(router, app);
    register_template_routes(router, app);
    register_device_routes(router, app);
    register_whatsapp_webhook_routes(router, app);
}

}  // namespace kimonet::http
