#pragma once
// WhatsApp messages that billing events produce, queued in the outbox inside the caller's
// transaction (so a message exists exactly when its invoice or payment does) with keys that
// make repeats harmless: a new monthly invoice, the receipt of a payment, and its void.
#include "app/context.hpp"
#include "services/payment_service.hpp"

namespace kimonet::services {

// "invoice_new" for every open invoice of `period` (key invoice_new:<invoice id>). Returns how many
// were newly queued; a rerun queues none again. Customers without a usable phone are skipped.
Result<std::int64_t> queue_new_invoice_notices(app::Context& context, const Period& period);
// "payment_confirmation" with the receipt (invoice number, amount, method, time) under `key`.
Result<void> queue_payment_receipt(app::Context& context, const PaymentReceipt& receipt, const std::string& key,
                                   const std::string& method_label);
// "payment_void" (key payment_void:<payment id>): the receipt of `payment` no longer counts, why, and
// what `invoice` (after the void) still asks for. Queued inside the void's transaction.
Result<void> queue_payment_void_notice(app::Context& context, const payments::Payment& payment, const billing::Invoice& invoice);
// "Tunai", "Transfer bank", … for receipts of payments recorded by staff.
std::string payment_method_label(payments::PaymentMethod method);

}  // namespace kimonet::services
