#include "services/replaced_charges.hpp"

#include <cstdio>

#include "app/ports.hpp"
#include "network/peer_replies.hpp"
#include "services/gateway_payments.hpp"

namespace kimonet::services {

namespace {

void record_failure(app::Context& context, const store::GatewayTransaction& replaced, const std::string& detail) {
    std::fprintf(stderr, "cancelling replaced charge %s at %s failed: %s\n", replaced.order_id.c_str(), replaced.gateway.c_str(), network::terminal_line(detail).c_str());
    (void)context.db.transaction([&]() -> Result<void> {
        return store::insert_reconciliation_finding(context.db, store::ReconciliationFinding{context.now, replaced.gateway, replaced.order_id, replaced.id,
                                                                                             "error", "reconcile", "pembatalan di gateway gagal: " + detail});
    });
}

}  // namespace

void cancel_replaced_charge(app::Context& context, const gateways::GatewayConfig& config, const store::GatewayTransaction& replaced) {
    auto adapter = context.ports.payment_gateway(config);
    if (!adapter) return;
    const auto outcome = adapter->cancel_charge(replaced.order_id, replaced.reference);
    if (!outcome) return record_failure(context, replaced, outcome.error().message());
    if (*outcome != gateways::CancelOutcome::Deactivated && *outcome != gateways::CancelOutcome::Refused) return;
    const auto status = adapter->query_status(replaced.order_id, replaced.reference);
    if (!status) return record_failure(context, replaced, status.error().message());
    if (status->status != payments::GatewayStatus::Paid) return;
    gateways::GatewayEvent event;
    event.order_id = replaced.gateway == "flip" ? std::string() : replaced.order_id;  // Flip knows its bills by reference
    event.reference = replaced.reference;
    event.status = status->status;
    event.status_text = status->status_text;
    event.amount = status->amount;
    event.currency = status->currency;
    event.transaction_id = status->transaction_id;
    event.confirmed = true;
    if (const auto applied = apply_gateway_event(context, replaced.gateway, event, "reconcile"); !applied)
        record_failure(context, replaced, applied.error().message());
}

}  // namespace kimonet::services
