// Reconciliation: for pending attempts older than a few minutes, ask the gateway where they stand.
// Paid ones whose callback never came are applied through the same apply_gateway_event as
// callbacks (so a late callback afterwards is a harmless duplicate); attempts past their expiry
// that the gateway does not report paid are expired; attempts we closed early (replaced) are asked
// until the gateway's own expiry. Everything it fixes or doubts is recorded.
#include "app/ports.hpp"
#include "services/gateway_payments.hpp"
#include "services/settings.hpp"
#include "store/gateway_store.hpp"

namespace kimonet::services {

api::Json ReconcileReport::to_json() const {
    return {{"checked", checked}, {"applied", applied}, {"expired", expired}, {"failed", failed}, {"flagged", flagged}, {"errors", errors}, {"rechecked", rechecked}};
}

namespace {

using PendingRow = store::AttemptToCheck;

Result<void> record_error(app::Context& context, const PendingRow& row, const std::string& detail) {
    return context.db.transaction([&]() -> Result<void> {
        TRY_VOID(store::insert_reconciliation_finding(
            context.db, store::ReconciliationFinding{context.now, row.gateway, row.order_id, row.id, "error", "reconcile", detail}));
        return store::touch_transaction_checked(context.db, row.id, context.now);
    });
}

// What the gateway's status API said of `row`, as the event a callback would have carried (Flip
// knows its bills by reference only).
gateways::GatewayEvent confirmed_event(const PendingRow& row, const gateways::StatusAnswer& status) {
    gateways::GatewayEvent event;
    event.order_id = row.gateway == "flip" ? std::string() : row.order_id;
    event.reference = row.reference;
    event.status = status.status;
    event.status_text = status.status_text;
    event.amount = status.amount;
    event.currency = status.currency;
    event.transaction_id = status.transaction_id;
    return event;
}

// The gateway's status answer for `row`; nullopt when it could not be asked, which is counted and
// recorded as an error finding (record_error).
Result<std::optional<gateways::StatusAnswer>> ask_gateway(app::Context& context, gateways::PaymentGateway& adapter, const PendingRow& row,
                                                          ReconcileReport& report) {
    auto status = adapter.query_status(row.order_id, row.reference);
    if (status) return std::optional<gateways::StatusAnswer>(std::move(*status));
    ++report.errors;
    TRY_VOID(record_error(context, row, status.error().message()));
    return std::optional<gateways::StatusAnswer>();
}

Result<void> mark_checked(app::Context& context, const PendingRow& row) {
    return context.db.transaction([&]() -> Result<void> { return store::touch_transaction_checked(context.db, row.id, context.now); });
}

// Midtrans reports a settled payment's later turns (refund, chargeback, deny when the provider
// reverses it, "within the span of one minute" per its docs) through its status API as well as by
// notification: settled Midtrans payments of the last two days are asked again at most hourly, so a
// lost notification is found too. Flip's and Duitku's status APIs report no such turn.
constexpr std::int64_t kReversalWatchSeconds = 2 * 24 * 3600;
constexpr std::int64_t kReversalRecheckSeconds = 3600;

Result<void> recheck_settled(app::Context& context, gateways::PaymentGateway* adapter, ReconcileReport& report) {
    if (!adapter) return success();
    const std::vector<PendingRow> rows = TRY(
        store::list_settled_to_recheck(context.db, "midtrans", context.now - kReversalWatchSeconds, context.now - kReversalRecheckSeconds, 100));
    for (const auto& row : rows) {
        ++report.rechecked;
        const auto status = TRY(ask_gateway(context, *adapter, row, report));
        if (!status) continue;
        const auto outcome = TRY(apply_gateway_event(context, row.gateway, confirmed_event(row, *status), "reconcile"));
        if (outcome.outcome == "review") ++report.flagged;
        TRY_VOID(mark_checked(context, row));
    }
    return success();
}

// A charge closed here before its time (a new one was made for another amount) is cancelled at
// its gateway where that is published (services/replaced_charges.hpp); where it is not (Duitku, a
// Snap order without a method) or the cancel failed, it stays payable until the expiry it was
// created with: a customer who pays the old virtual account still pays. Such attempts are asked about every kEarlyExpiredRecheckSeconds until an hour past
// that expiry; money found is applied like a late callback (or goes to review when the invoice no
// longer owes it), so it is never lost with the callbacks.
constexpr std::int64_t kEarlyExpiredRecheckSeconds = 600;
constexpr std::int64_t kPastGatewayExpirySeconds = 3600;

template <typename AdapterOf>
Result<void> recheck_expired_still_payable(app::Context& context, AdapterOf& adapter_of, ReconcileReport& report) {
    const std::vector<PendingRow> rows = TRY(store::list_expired_still_payable(context.db, context.now - kPastGatewayExpirySeconds,
                                                                              context.now - kEarlyExpiredRecheckSeconds, 200));
    for (const auto& row : rows) {
        auto& adapter = adapter_of(row.gateway);
        if (!adapter) continue;
        ++report.rechecked;
        const auto status = TRY(ask_gateway(context, *adapter, row, report));
        if (!status) continue;
        if (status->status == payments::GatewayStatus::Paid) {
            const auto outcome = TRY(apply_gateway_event(context, row.gateway, confirmed_event(row, *status), "reconcile"));
            if (outcome.outcome == "applied") ++report.applied;
            else if (outcome.outcome == "review") ++report.flagged;
        }
        TRY_VOID(mark_checked(context, row));
    }
    return success();
}

}  // namespace

Result<ReconcileReport> reconcile_payments(app::Context& context, const std::string& server_base_url, std::optional<int> older_than_minutes) {
    const std::int64_t minutes = older_than_minutes ? *older_than_minutes : TRY(get_setting_int(context.db, "payment_reconcile_after_minutes"));
    const std::vector<PendingRow> rows = TRY(store::list_pending_attempts(context.db, context.now - minutes * 60, 500));
    ReconcileReport report;
    std::map<std::string, std::unique_ptr<gateways::PaymentGateway>> adapters;
    auto adapter_of = [&](const std::string& gateway) -> std::unique_ptr<gateways::PaymentGateway>& {
        if (!adapters.contains(gateway)) {
            auto config = gateways::load_gateway_config(context.db, context.secrets, gateway, server_base_url);
            adapters[gateway] = config ? context.ports.payment_gateway(*config) : nullptr;
        }
        return adapters[gateway];
    };
    for (const auto& row : rows) {
        auto& adapter = adapter_of(row.gateway);
        ++report.checked;
        gateways::GatewayEvent event;
        event.order_id = row.gateway == "flip" ? std::string() : row.order_id;
        event.reference = row.reference;
        if (adapter) {
            const auto status = TRY(ask_gateway(context, *adapter, row, report));
            if (!status) continue;
            // Midtrans' "Transaction doesn't exist." (a Snap order before the customer picks a
            // method) comes back as Unknown, a state: the attempt stays open until its expiry.
            event = confirmed_event(row, *status);
        }
        // Past its expiry and not paid at the gateway: the attempt is over.
        if (event.status != payments::GatewayStatus::Paid && event.status != payments::GatewayStatus::Failed &&
            row.expires_at <= context.now)
            event.status = payments::GatewayStatus::Expired;
        const auto outcome = TRY(apply_gateway_event(context, row.gateway, event, "reconcile"));
        if (outcome.outcome == "applied") ++report.applied;
        else if (outcome.outcome == "expired") ++report.expired;
        else if (outcome.outcome == "failed") ++report.failed;
        else if (outcome.outcome == "review") ++report.flagged;
        if (outcome.outcome == "expired" || outcome.outcome == "failed")
            TRY_VOID(context.db.transaction([&]() -> Result<void> {
                return store::insert_reconciliation_finding(
                    context.db, store::ReconciliationFinding{context.now, row.gateway, row.order_id, row.id, outcome.outcome, "reconcile", ""});
            }));
        TRY_VOID(mark_checked(context, row));
    }
    TRY_VOID(recheck_expired_still_payable(context, adapter_of, report));
    TRY_VOID(recheck_settled(context, adapter_of("midtrans").get(), report));
    return report;
}

Result<api::Json> list_reconciliation(store::Database& db, int page, int per_page, UtcOffset offset) {
    const store::ReconciliationPage found = TRY(store::list_reconciliation(db, page, per_page));
    api::Json out = {{"data", api::Json::array()}, {"total", found.total}};
    for (const auto& row : found.rows)
        out["data"].push_back({{"id", row.id},
                               {"at", to_string(local_from_unix(row.at, offset))},
                               {"gateway", row.gateway},
                               {"order_id", row.order_id},
                               {"kind", row.kind},
                               {"source", row.source},
                               {"detail", row.detail},
                               {"invoice_id", row.invoice_id ? api::Json(*row.invoice_id) : api::Json(nullptr)},
                               {"amount", row.amount},
                               {"transaction_status", row.transaction_status}});
    return out;
}

Result<api::Json> list_gateway_transactions(store::Database& db, const std::string& status, int page, int per_page, UtcOffset offset) {
    if (!status.empty() && status != "pending" && status != "paid" && status != "expired" && status != "failed" && status != "review")
        return validation_error({{"status", messages::kReconciliationStatusChoice}});
    const store::GatewayTransactionPage found = TRY(store::list_gateway_transactions(db, status, page, per_page));
    api::Json out = {{"data", api::Json::array()}, {"total", found.total}};
    auto local = [&](const std::optional<std::int64_t>& at) { return at ? api::Json(to_string(local_from_unix(*at, offset))) : api::Json(nullptr); };
    for (const auto& row : found.rows)
        out["data"].push_back({{"id", row.id},
                               {"gateway", row.gateway},
                               {"order_id", row.order_id},
                               {"method", row.method},
                               {"amount", row.amount},
                               {"fee", row.fee},
                               {"status", row.status},
                               {"invoice_id", row.invoice_id},
                               {"invoice_no", row.invoice_no},
                               {"customer_name", row.customer_name},
                               {"service_number", row.service_number},
                               {"created_at", local(row.created_at)},
                               {"expires_at", local(row.expires_at)},
                               {"paid_at", local(row.paid_at)},
                               {"review_reason", row.review_reason}});
    return out;
}

}  // namespace kimonet::services
