#pragma once
// Applying a payment to an invoice: full, partial, or more than owed (the rest becomes credit).
#include <optional>
#include <string>
#include <string_view>

#include "billing/invoice.hpp"

namespace kimonet::payments {

enum class PaymentMethod { Cash, BankTransfer, Credit, Gateway };
std::string_view to_string(PaymentMethod method);  // "cash", "bank_transfer", "credit", "gateway"
std::optional<PaymentMethod> parse_payment_method(std::string_view text);

struct Payment {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    std::int64_t customer_id = 0;
    Money amount = 0;          // what the customer paid
    Money applied_amount = 0;  // what went to the invoice (the rest became credit)
    PaymentMethod method = PaymentMethod::Cash;
    std::int64_t paid_at = 0;  // Unix seconds
    std::string receipt_no;
    std::string note;
    std::string recorded_by;
    // Voided (issue 18): never deleted; the invoice, credit and reports no longer count it.
    std::optional<std::int64_t> voided_at;  // Unix seconds; empty while the payment counts
    std::string voided_by;
    std::string void_reason;
    std::optional<std::int64_t> replaces_payment_id;  // a correction names the payment it replaces
    std::optional<std::int64_t> replaced_by_payment_id;  // filled where the API shows a voided payment's correction

    bool voided() const { return voided_at.has_value(); }
};

struct PaymentOutcome {
    Money applied = 0;      // what goes to the invoice
    Money credit = 0;       // overpayment, credited to the customer
    Money paid_amount = 0;  // the invoice's paid amount afterwards
    billing::InvoiceStatus status = billing::InvoiceStatus::Unpaid;
    bool became_paid = false;
};

// Refuses amounts ≤ 0 (422) and payments on void or already paid invoices (409).
Result<PaymentOutcome> apply_payment(Money total, Money paid_amount, billing::InvoiceStatus status, Money amount);

// What a payment of `amount` will do to an invoice with `outstanding` left, before anyone records
// it: the cashier's screen shows it, and a payment that is not Exact needs the caller to confirm
// that outcome ("partial" or "overpayment"), so 75.000 typed for 750.000 never passes silently.
enum class AmountFit { Exact, Partial, Overpayment };
std::string_view to_string(AmountFit fit);  // "exact", "partial", "overpayment"
struct PaymentPreview {
    Money outstanding = 0;
    Money amount = 0;
    Money applied = 0;
    Money remaining = 0;  // still owed afterwards (partial)
    Money credit = 0;     // becomes customer credit (overpayment)
    AmountFit fit = AmountFit::Exact;
    billing::InvoiceStatus status_after = billing::InvoiceStatus::Unpaid;
};
// The same checks as apply_payment (amount, void or paid invoice).
Result<PaymentPreview> preview_payment(Money total, Money paid_amount, billing::InvoiceStatus status, Money amount);
// "" when `confirm` (the request's confirmation field) allows `preview`; otherwise what will happen,
// in words, for the 409 answer ("sisa tagihan Rp 750.000, dibayar Rp 75.000: kurang Rp 675.000").
std::string unconfirmed_difference(const PaymentPreview& preview, std::string_view confirm);

// A payment may be voided by the user who recorded it within this many seconds (payments.void);
// older payments and other users' need payments.void_any.
inline constexpr std::int64_t kOwnVoidWindowSeconds = 24 * 60 * 60;

// How much of a credit balance to use on an invoice with `outstanding` left to pay.
Money credit_to_apply(Money credit_balance, Money outstanding);

}  // namespace kimonet::payments
