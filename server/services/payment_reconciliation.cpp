// Reconciliation: for pending attempts older than a few minutes, ask the gateway where they stand.
// Paid ones whose callback never came are applied through the same apply_gateway_event as
// callbacks (so a late callback afterwards is a harmless duplicate); attempts past their expiry
// that the gateway does not report paid are expired. Everything it fixes or doubts is recorded.
#include "gateways/payment_gateway.hpp"
#include "services/gateway_payments.hpp"
#include "services/settings.hpp"

namespace kimonet::services {

api::Json ReconcileReport::to_json() const {
    return {{"checked", checked}, {"applied", applied}, {"expired", expired}, {"failed", failed}, {"flagged", flagged}, {"errors", errors}, {"rechecked", rechecked}};
}

namespace {

struct PendingRow {
    std::int64_t id = 0;
    std::string gateway;
    std::string order_id;
    std::string reference;
    std::int64_t expires_at = 0;
};

Result<void> record_error(app::Context& context, const PendingRow& row, const std::string& detail) {
    return context.db.transaction([&]() -> Result<void> {
        auto insert = TRY(context.db.prepare(
            "INSERT INTO payment_reconciliation(at, gateway, order_id, gateway_transaction_id, kind, source, detail) VALUES (?,?,?,?,'error','reconcile',?)"));
        insert.bind(1, context.now).bind(2, row.gateway).bind(3, row.order_id).bind(4, row.id).bind(5, detail);
        TRY_VOID(insert.run());
        auto touch = TRY(context.db.prepare("UPDATE gateway_transactions SET last_checked_at = ? WHERE id = ?"));
        touch.bind(1, context.now).bind(2, row.id);
        return touch.run();
    });
}

// Midtrans reports a settled payment's later turns (refund, chargeback, deny when the provider
// reverses it, "within the span of one minute" per its docs) through its status API as well as by
// notification: settled Midtrans payments of the last two days are asked again at most hourly, so a
// lost notification is found too. Flip's and Duitku's status APIs report no such turn.
constexpr std::int64_t kReversalWatchSeconds = 2 * 24 * 3600;
constexpr std::int64_t kReversalRecheckSeconds = 3600;

Result<void> recheck_settled(app::Context& context, gateways::PaymentGateway* adapter, ReconcileReport& report) {
    if (!adapter) return success();
    std::vector<PendingRow> rows;
    {
        auto statement = TRY(context.db.prepare(
            "SELECT id, gateway, order_id, reference, expires_at FROM gateway_transactions WHERE gateway = 'midtrans' AND status = 'paid' "
            "AND paid_at >= ? AND COALESCE(last_checked_at, 0) <= ? ORDER BY id LIMIT 100"));
        statement.bind(1, context.now - kReversalWatchSeconds).bind(2, context.now - kReversalRecheckSeconds);
        while (TRY(statement.step()))
            rows.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3),
                            statement.column_int(4)});
    }
    for (const auto& row : rows) {
        ++report.rechecked;
        auto status = adapter->query_status(row.order_id, row.reference);
        if (!status) {
            ++report.errors;
            TRY_VOID(record_error(context, row, status.error().message()));
            continue;
        }
        gateways::GatewayEvent event;
        event.order_id = row.order_id;
        event.status = status->status;
        event.status_text = status->status_text;
        event.amount = status->amount;
        event.transaction_id = status->transaction_id;
        const auto outcome = TRY(apply_gateway_event(context, row.gateway, event, "reconcile"));
        if (outcome.outcome == "review") ++report.flagged;
        auto touch = TRY(context.db.prepare("UPDATE gateway_transactions SET last_checked_at = ? WHERE id = ?"));
        touch.bind(1, context.now).bind(2, row.id);
        TRY_VOID(context.db.transaction([&]() -> Result<void> { return touch.run(); }));
    }
    return success();
}

}  // namespace

Result<ReconcileReport> reconcile_payments(app::Context& context, const std::string& server_base_url, std::optional<int> older_than_minutes) {
    const std::int64_t minutes = older_than_minutes ? *older_than_minutes : TRY(get_setting_int(context.db, "payment_reconcile_after_minutes"));
    std::vector<PendingRow> rows;
    {
        auto statement = TRY(context.db.prepare(
            "SELECT id, gateway, order_id, reference, expires_at FROM gateway_transactions WHERE status = 'pending' AND created_at <= ? "
            "ORDER BY id LIMIT 500"));
        statement.bind(1, context.now - minutes * 60);
        while (TRY(statement.step()))
            rows.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3),
                            statement.column_int(4)});
    }
    ReconcileReport report;
    std::map<std::string, std::unique_ptr<gateways::PaymentGateway>> adapters;
    auto adapter_of = [&](const std::string& gateway) -> std::unique_ptr<gateways::PaymentGateway>& {
        if (!adapters.contains(gateway)) {
            auto config = gateways::load_gateway_config(context.db, context.secrets, gateway, server_base_url);
            adapters[gateway] = config ? gateways::make_payment_gateway(*config) : nullptr;
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
            auto status = adapter->query_status(row.order_id, row.reference);
            if (!status) {
                ++report.errors;
                TRY_VOID(record_error(context, row, status.error().message()));
                continue;
            }
            // Midtrans' "Transaction doesn't exist." (a Snap order before the customer picks a
            // method) comes back as Unknown, a state: the attempt stays open until its expiry.
            event.status = status->status;
            event.status_text = status->status_text;
            event.amount = status->amount;
            event.transaction_id = status->transaction_id;
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
                auto insert = TRY(context.db.prepare(
                    "INSERT INTO payment_reconciliation(at, gateway, order_id, gateway_transaction_id, kind, source, detail) VALUES (?,?,?,?,?,'reconcile','')"));
                insert.bind(1, context.now).bind(2, row.gateway).bind(3, row.order_id).bind(4, row.id).bind(5, outcome.outcome);
                return insert.run();
            }));
        auto touch = TRY(context.db.prepare("UPDATE gateway_transactions SET last_checked_at = ? WHERE id = ?"));
        touch.bind(1, context.now).bind(2, row.id);
        TRY_VOID(context.db.transaction([&]() -> Result<void> { return touch.run(); }));
    }
    TRY_VOID(recheck_settled(context, adapter_of("midtrans").get(), report));
    return report;
}

Result<api::Json> list_reconciliation(store::Database& db, int page, int per_page, UtcOffset offset) {
    api::Json out = {{"data", api::Json::array()}, {"total", 0}};
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM payment_reconciliation"));
    TRY(count.step());
    out["total"] = count.column_int(0);
    auto rows = TRY(db.prepare(
        "SELECT r.id, r.at, r.gateway, r.order_id, r.kind, r.source, r.detail, t.invoice_id, t.amount, t.status FROM payment_reconciliation r "
        "LEFT JOIN gateway_transactions t ON t.id = r.gateway_transaction_id ORDER BY r.id DESC LIMIT ? OFFSET ?"));
    rows.bind(1, per_page).bind(2, static_cast<std::int64_t>(page - 1) * per_page);
    while (TRY(rows.step()))
        out["data"].push_back({{"id", rows.column_int(0)},
                               {"at", to_string(local_from_unix(rows.column_int(1), offset))},
                               {"gateway", rows.column_text(2)},
                               {"order_id", rows.column_text(3)},
                               {"kind", rows.column_text(4)},
                               {"source", rows.column_text(5)},
                               {"detail", rows.column_text(6)},
                               {"invoice_id", rows.column_optional_int(7) ? api::Json(*rows.column_optional_int(7)) : api::Json(nullptr)},
                               {"amount", rows.column_int(8)},
                               {"transaction_status", rows.column_text(9)}});
    return out;
}

Result<api::Json> list_gateway_transactions(store::Database& db, const std::string& status, int page, int per_page, UtcOffset offset) {
    if (!status.empty() && status != "pending" && status != "paid" && status != "expired" && status != "failed" && status != "review")
        return validation_error({{"status", messages::kReconciliationStatusChoice}});
    const std::string where = status.empty() ? "" : " WHERE t.status = :status";
    api::Json out = {{"data", api::Json::array()}, {"total", 0}};
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM gateway_transactions t" + where));
    count.bind_named(":status", status);
    TRY(count.step());
    out["total"] = count.column_int(0);
    auto rows = TRY(db.prepare(
        "SELECT t.id, t.gateway, t.order_id, t.method, t.amount, t.fee, t.status, t.invoice_id, i.invoice_no, c.name, c.service_number, "
        "t.created_at, t.expires_at, t.paid_at, t.review_reason FROM gateway_transactions t "
        "LEFT JOIN invoices i ON i.id = t.invoice_id LEFT JOIN customers c ON c.id = t.customer_id" +
        where + " ORDER BY t.id DESC LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", status);
    rows.bind_named(":limit", std::int64_t{per_page});
    rows.bind_named(":offset", static_cast<std::int64_t>(page - 1) * per_page);
    auto local = [&](int column) { return rows.column_is_null(column) ? api::Json(nullptr) : api::Json(to_string(local_from_unix(rows.column_int(column), offset))); };
    while (TRY(rows.step()))
        out["data"].push_back({{"id", rows.column_int(0)},
                               {"gateway", rows.column_text(1)},
                               {"order_id", rows.column_text(2)},
                               {"method", rows.column_text(3)},
                               {"amount", rows.column_int(4)},
                               {"fee", rows.column_int(5)},
                               {"status", rows.column_text(6)},
                               {"invoice_id", rows.column_int(7)},
                               {"invoice_no", rows.column_text(8)},
                               {"customer_name", rows.column_text(9)},
                               {"service_number", rows.column_text(10)},
                               {"created_at", local(11)},
                               {"expires_at", local(12)},
                               {"paid_at", local(13)},
                               {"review_reason", rows.column_text(14)}});
    return out;
}

}  // namespace kimonet::services
