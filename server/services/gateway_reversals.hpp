#pragma once
// A settled gateway payment that the gateway later reports refunded, charged back or denied
// (Midtrans: settlement → refund, partial_refund, chargeback, partial_chargeback, deny). Money
// may have left us, but a chargeback can still be won and a partial refund leaves most of the
// payment standing, so nothing is undone automatically: the attempt goes to review, keeping its
// payment, and finance is told (activity log, reconciliation finding, dashboard count).
#include "app/context.hpp"
#include "gateways/gateway_callbacks.hpp"
#include "services/gateway_callback_records.hpp"

namespace kimonet::services {

// Inside the caller's write transaction: `transaction` (paid) becomes 'review' with reason
// "reversed: <gateway word>", a 'refund' finding names the payment, its receipt and amount, and
// "payment.gateway_reversed" is logged. The payment row and the invoice's paid status stay.
Result<void> flag_reversed_payment(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                   const StoredTransaction& transaction, const std::string& source);

}  // namespace kimonet::services
