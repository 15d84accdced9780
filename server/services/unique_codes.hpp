#pragma once
// Unique-code amounts (issue 20; decisions in billing/unique_code.hpp and docs/bank-transfers.md):
// with the setting transfer_unique_code = 1, each new invoice gets a code in the same write
// transaction that creates it. The invoice generator, ensure_monthly_invoice and manual invoices
// call assign_unique_codes; adding a line (a new total) calls reassign_unique_code.
#include <vector>

#include "app/context.hpp"
#include "billing/invoice.hpp"

namespace kimonet::services {

// Inside the caller's transaction: codes for `invoices` (already inserted, ids set) when the
// setting is on; nothing otherwise.
Result<void> assign_unique_codes(app::Context& context, const std::vector<billing::Invoice*>& invoices);
// The invoice's unique code (0 = none): its transfer amount is outstanding + code.
Result<Money> invoice_unique_code(store::Database& db, std::int64_t invoice_id);
// What a message adds after the amount to pay when the invoice has a unique code: " (transfer
// tepat Rp 150.123: …)"; empty without a code or with nothing open.
std::string exact_transfer_note(Money outstanding, Money code);
// After the invoice's total changed: a code free for the new total (when it had one).
Result<void> reassign_unique_code(app::Context& context, billing::Invoice& invoice, Money old_total);

}  // namespace kimonet::services
