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

// How much of a credit balance to use on an invoice with `outstanding` left to pay.
Money credit_to_apply(Money credit_balance, Money outstanding);

}  // namespace kimonet::payments
