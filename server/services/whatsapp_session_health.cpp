#include "services/whatsapp_session_health.hpp"

#include "app/ports.hpp"
#include "core/date_time_text.hpp"
#include "core/whatsapp_failover_messages.hpp"
#include "customers/customer.hpp"
#include "network/peer_replies.hpp"
#include "services/notification_service.hpp"
#include "services/settings.hpp"
#include "store/whatsapp_health_store.hpp"
#include "whatsapp/failover_settings.hpp"

namespace kimonet::services {

namespace {

const char* session_state_message(const std::string& state) {
    if (state == "qr_required") return messages::kWhatsappSessionQrRequired;
    if (state == "unreachable") return messages::kWhatsappSessionUnreachable;
    return messages::kWhatsappSessionDisconnected;
}

// What the primary's device says: "" when connected, else the incident state and its detail.
std::pair<std::string, std::string> probe_session(whatsapp::Messenger& messenger) {
    // The detail is the provider's own words, kept with the incident: bounded and printable.
    auto status = messenger.device_status();
    if (!status) return {"unreachable", network::peer_words(status.error().message())};
    if (status->connected) return {"", ""};
    const std::string detail = !status->detail.empty() ? status->detail : status->state;
    return {status->qr_code.empty() ? "disconnected" : "qr_required", network::peer_words(detail)};
}

// The owner's one alert for an incident, through the outbox (which uses the backup while the
// incident is open). Without an owner number or a backup gateway there is no one to tell by
// WhatsApp (the primary is the thing that is down): the banner alone, and the reason is returned.
Result<std::string> queue_owner_alert(app::Context& context, std::int64_t incident_id, const std::string& state, const std::string& gateway,
                                      std::optional<std::int64_t>& notification_id) {
    const std::string owner = TRY(get_setting(context.db, "whatsapp_owner_phone"));
    if (normalize_phone(owner).empty()) return std::string("whatsapp_owner_phone kosong");
    if (!TRY(whatsapp::backup_messenger_settings(context.db, context.secrets))) return std::string("tidak ada gateway cadangan");
    NotificationRequest request(MessageClass::Transactional);
    request.key = "whatsapp_session:" + std::to_string(incident_id);
    request.phone = owner;
    request.template_key = "whatsapp_session_alert";
    request.variables["status_sesi"] = session_state_message(state);
    request.variables["gateway_whatsapp"] = gateway;
    request.variables["waktu"] = format_moment_indonesian(context.now, context.offset);
    notification_id = TRY(queue_notification(context, request)).id;
    return std::string();
}

}  // namespace

Result<api::Json> check_whatsapp_session(app::Context& context) {
    const whatsapp::MessengerSettings settings = TRY(whatsapp::messenger_settings(context.db, context.secrets));
    std::string gateway, state, detail;
    if (!settings.api_url.empty()) {
        auto messenger = TRY(context.ports.messenger(settings));
        gateway = messenger->gateway_key();
        std::tie(state, detail) = probe_session(*messenger);
    }
    api::Json result = {{"outcome", "healthy"}, {"gateway", gateway}, {"state", state.empty() ? "connected" : state}, {"alerted", false}};
    if (settings.api_url.empty()) result["outcome"] = "not_configured";
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto open = TRY(store::find_open_whatsapp_incident(context.db));
        // Another primary now (settings changed): the old incident is no longer anyone's to fix.
        if (open && open->gateway != gateway) {
            TRY_VOID(store::close_whatsapp_incident(context.db, open->id, context.now));
            open.reset();
        }
        if (state.empty()) {
            if (!open) return success();
            result["outcome"] = "recovered";
            result["incident_id"] = open->id;
            return store::close_whatsapp_incident(context.db, open->id, context.now);
        }
        if (open) {
            result["outcome"] = "still_lost";
            result["incident_id"] = open->id;
            return store::touch_whatsapp_incident(context.db, open->id, state, detail, context.now);
        }
        const std::int64_t id = TRY(store::insert_whatsapp_incident(context.db, {0, gateway, state, detail, context.now, context.now, std::nullopt}));
        result["outcome"] = "lost";
        result["incident_id"] = id;
        std::optional<std::int64_t> notification_id;
        const std::string skipped = TRY(queue_owner_alert(context, id, state, gateway, notification_id));
        if (!skipped.empty()) result["alert_skipped"] = skipped;
        if (!notification_id) return success();
        result["alerted"] = true;
        result["notification_id"] = *notification_id;
        return store::set_whatsapp_incident_alert(context.db, id, *notification_id);
    }));
    return result;
}

Result<bool> whatsapp_primary_down(store::Database& db, const std::string& primary_gateway) {
    const auto open = TRY(store::find_open_whatsapp_incident(db));
    return open && open->gateway == primary_gateway;
}

Result<api::Json> whatsapp_session_banner(store::Database& db) {
    const auto open = TRY(store::find_open_whatsapp_incident(db));
    if (!open) return api::Json(nullptr);
    return api::Json{{"state", open->state}, {"message", session_state_message(open->state)}, {"detail", open->detail},
                     {"gateway", open->gateway}, {"since", open->opened_at}, {"alerted", open->alert_notification_id.has_value()}};
}

}  // namespace kimonet::services
