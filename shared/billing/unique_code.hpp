#pragma once
// Unique-code amounts (issue 20, the "kode unik" of Indonesian bank transfers): an open invoice
// of Rp 150.000 asks for a transfer of Rp 150.123, so the line on the bank statement names the
// invoice by its amount alone.
//
// Decisions (docs/bank-transfers.md):
// - The code is 1–999 rupiah and is ADDED: the customer is never asked for less than they owe.
// - No two open (unpaid or partial) coded invoices share a transfer amount (total + code) when the
//   code is given: the service picks a free code in the invoice's own write transaction. (Voiding a
//   payment may later reopen an invoice whose amount was taken meanwhile; the matcher then sends
//   such a transfer to review instead of guessing.)
// - The customer owes the base amount. The code is an overpayment like any other: the payment
//   service puts it on the customer's credit ("kelebihan bayar"), and the next invoice uses it. The
//   ledger shows Rp 150.123 received, Rp 150.000 applied, Rp 123 credit.
// - A customer keeps the same code month after month when it is free (a standing order keeps
//   working): the preferred code is derived from the customer's id.
#include <cstdint>
#include <functional>
#include <optional>

#include "core/money.hpp"

namespace kimonet::billing {

inline constexpr Money kMaxUniqueCode = 999;

// What to transfer: the outstanding amount plus the code (nothing when nothing is owed).
inline Money transfer_amount(Money outstanding, Money unique_code) { return outstanding > 0 ? outstanding + unique_code : 0; }

// The code for an invoice of `total` for `customer_id`: the customer's preferred code
// (customer_id mod 999, plus 1) when total + code is not `taken`, else the next free one upwards
// (wrapping past 999 to 1). Nothing when all 999 amounts are taken (more than 999 open invoices
// of the same total): the invoice then has no code and is matched by its number instead.
std::optional<Money> pick_unique_code(Money total, std::int64_t customer_id, const std::function<bool(Money amount)>& taken);

}  // namespace kimonet::billing
