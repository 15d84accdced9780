#pragma once
// Voiding and correcting payments (issue 18): the payment as stored with who recorded it, its void
// stamp, the invoice's paid amount recounted from its live payments, and the dunning steps a void
// reopens. Writers assume the caller holds the write transaction; times come from the caller's Clock.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "payments/payment_rules.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct StoredPayment {
    payments::Payment payment;  // with its void stamp and correction link
    std::string recorded_by_type;
    std::optional<std::int64_t> recorded_by_id;
    std::int64_t created_at = 0;  // when it was recorded (paid_at may be earlier)
};
Result<std::optional<StoredPayment>> find_payment(Database& db, std::int64_t id);

// Stamps the payment void; false when it was void already (nothing written).
Result<bool> mark_payment_void(Database& db, std::int64_t id, std::int64_t now, std::optional<std::int64_t> voided_by_id,
                               const std::string& voided_by_name, const std::string& reason);

// What settled the invoice: its payments that are not void and its credit notes (their applied parts).
Result<Money> live_applied_amount(Database& db, std::int64_t invoice_id);
// The invoice is no longer paid: its paid_at goes back to NULL.
Result<void> clear_invoice_paid_at(Database& db, std::int64_t invoice_id);

// Receipt and invoice numbers of the customer's live credit payments, newest first (at most 5):
// where an overpayment's credit went.
struct CreditUse {
    std::string receipt_no;
    std::string invoice_no;
};
Result<std::vector<CreditUse>> list_live_credit_payments(Database& db, std::int64_t customer_id);

// Removes the invoice's recorded isolate steps so the dunning policy decides them again (a voided
// payment had cancelled them); returns how many there were.
Result<std::int64_t> reopen_isolate_steps(Database& db, std::int64_t invoice_id);

}  // namespace kimonet::store
