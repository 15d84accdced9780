#include "services/restore_request.hpp"

#include "services/activity_log.hpp"
#include "store/payment_lookups.hpp"

namespace kimonet::services {

Result<bool> request_restore_if_isolated(app::Context& context, std::int64_t customer_id, std::int64_t invoice_id,
                                         const std::string& reason, api::Json details) {
    if (TRY(store::find_customer_status(context.db, customer_id)) != "isolated") return false;
    TRY_VOID(store::reactivate_customer(context.db, customer_id, context.now));
    TRY_VOID(store::queue_restore_action(context.db, customer_id, reason, invoice_id, context.now));
    app::wake_after_commit(context, app::Work::Network);
    details["status"] = "active";
    details["network_action"] = "restore pending";
    TRY_VOID(log_activity(context, "customer.restore", "customer", customer_id, {{"status", "isolated"}}, details));
    return true;
}

}  // namespace kimonet::services
