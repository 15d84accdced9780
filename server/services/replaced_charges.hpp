#pragma once
// A charge replaced by a newer one for the same invoice, gateway and method (another amount, or
// about to expire) is closed here at once; once the new charge is committed it is also cancelled
// at its gateway where the gateway's published API allows it (Midtrans cancel, Flip bill
// INACTIVE; Duitku publishes none), so the customer's old VA or QR stops taking money.
#include "app/context.hpp"
#include "gateways/payment_gateway.hpp"
#include "store/gateway_store.hpp"

namespace kimonet::services {

// Never fails the new payment. A gateway that cannot be reached or refuses the request is logged
// (stderr and an `error` reconciliation finding) and reconciliation keeps asking about the old
// charge until its own expiry, as before. When the gateway does not say the old charge was unpaid
// (Midtrans refuses to change it, Flip deactivates a bill whatever its payments), its status API is
// asked, and money found there is applied like a late callback or goes to review: never lost.
void cancel_replaced_charge(app::Context& context, const gateways::GatewayConfig& config, const store::GatewayTransaction& replaced);

}  // namespace kimonet::services
