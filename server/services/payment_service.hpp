#pragma once
// Payments: recording a manual payment (cash, bank transfer) and using customer credit.
#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "billing/invoice.hpp"
#include "payments/payment_rules.hpp"

namespace kimonet::services {

struct PaymentReceipt {
    payments::Payment payment;
    billing::Invoice invoice;  // after the payment
    Money credit_added = 0;
    // Ensured when this payment paid the invoice; not known yet (none) inside a group commit's batch,
    // which makes it just before COMMIT (services/next_invoices_at_commit.hpp).
    std::optional<std::int64_t> next_invoice_id;
    bool restore_requested = false;
    bool repeated = false;  // the request's Idempotency-Key found this payment: nothing was recorded
};

struct PaymentRequest {
    std::int64_t invoice_id = 0;
    Money amount = 0;
    payments::PaymentMethod method = payments::PaymentMethod::Cash;
    std::int64_t paid_at = 0;
    bool paid_at_given = false;  // the request named paid_at (else it is now, and a replay later is no other date)
    std::string note;
    // The receipt's invoice carries its lines (the payment route answers with them). A gateway
    // callback needs only the invoice's totals and state: one statement fewer per callback.
    bool receipt_with_lines = true;
    // The invoice (without lines) as the caller read it earlier in this same write transaction,
    // nothing written to it since (a gateway callback's first read): not read again. Used only when
    // its id is invoice_id.
    std::optional<billing::Invoice> invoice;
    // Staff input (issue 18): an amount other than the outstanding one is recorded only when
    // `confirm` names what will happen ("partial" or "overpayment"); gateways' payments skip it.
    bool confirmation_required = false;
    std::string confirm;
    std::optional<std::int64_t> replaces_payment_id;  // a correction names the payment it replaces
    // A user's Idempotency-Key (1–128 of A–Z a–z 0–9 - _ . :): the same key again answers with the
    // payment it recorded (same invoice, amount, method, note and the paid_at it named) or 409
    // (another request); empty: none.
    std::string idempotency_key;
};

// The paid-sequence for an already validated payment, inside the caller's transaction (it joins
// it): the payment, the invoice's new state, overpayment to credit and, when the invoice becomes
// paid, restore of an isolated customer and the next period's invoice. record_payment and the
// payment gateways' callbacks both use it.
Result<PaymentReceipt> record_payment_in_transaction(app::Context& context, const PaymentRequest& request);

// Input {"invoice_id","amount","method":"cash"|"bank_transfer","paid_at"?: "YYYY-MM-DD[THH:MM[:SS]]","note"?,
// "confirm"?: "partial"|"overpayment"}. "amount" is an integer or what the cashier typed ("750rb",
// "Rp 750.000"; payments/typed_amount.hpp). An amount other than the outstanding one without the
// matching confirm is a 409 whose message says what would happen and whose fields.confirm names it.
// One transaction: the payment, the invoice's new state, overpayment to credit and, when the
// invoice becomes paid, an isolated customer back to active with a pending restore request and
// the next period's invoice ensured.
Result<PaymentReceipt> record_payment(app::Context& context, const api::Json& input);
// The same input without recording: reads the amount (typed text too) and says what it would do.
Result<PaymentRequest> payment_request_from_json(const api::Json& input, const app::Context& context);

// Pays as much of `invoice` as the customer's credit covers (a "credit" payment) and updates
// `invoice` in place. Runs inside the caller's transaction.
Result<void> apply_customer_credit(app::Context& context, billing::Invoice& invoice);

// An isolated customer whose invoice is now paid goes back to active and the router is asked to
// restore them (a pending network action). Inside the caller's transaction; true when it did.
// A payment and a credit note that settles the invoice both go this one way.
Result<bool> restore_if_isolated(app::Context& context, const billing::Invoice& invoice);

}  // namespace kimonet::services
