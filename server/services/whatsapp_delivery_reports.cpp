#include "services/whatsapp_delivery_reports.hpp"

#include "store/notification_variables_store.hpp"
#include "store/outbox_store.hpp"

namespace kimonet::services {

Result<bool> record_undelivered_message(app::Context& context, const std::string& gateway_prefix, const std::string& message_id,
                                        const std::string& reason) {
    bool found = false;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto id = TRY(store::mark_sent_notification_undelivered(context.db, gateway_prefix, message_id, reason, context.now));
        if (!id) return success();
        found = true;
        return store::insert_notification_attempt(context.db, *id, context.now, gateway_prefix + message_id, "failed", reason);
    }));
    return found;
}

}  // namespace kimonet::services
