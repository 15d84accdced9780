#pragma once
// Voiding and correcting payments (issue 18). A payment is never deleted: a void stamps who, when
// and why; in the same transaction the invoice's paid amount is recounted from its live payments
// (back to unpaid or partial), credit the payment created is taken back (refused while that credit
// is spent, naming where it went) or, for a credit payment, given back, and the invoice's isolate
// step is reopened so the dunning run isolates again on its schedule (nothing happens on the
// router at once). A correction is a void plus a new payment that names the one it replaces.
#include <optional>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "services/payment_service.hpp"

namespace kimonet::services {

struct VoidOutcome {
    payments::Payment payment;  // the voided payment, stamped
    billing::Invoice invoice;   // after the void (and the correction)
    Money credit_taken_back = 0;  // the overpayment credit the voided payment had created
    Money credit_returned = 0;    // a voided credit payment gives its credit back
    std::int64_t dunning_steps_reopened = 0;
    bool already_void = false;  // a repeat: nothing changed
    std::optional<PaymentReceipt> correction;  // correct_payment: the payment recorded in its place
};

// Who may void what: payments.void covers the caller's own payments recorded in the last 24 hours;
// `may_void_any` (payments.void_any) every payment, and it alone may void a gateway payment (after
// the refund at the gateway, whose reference is required).
// Input {"reason", "gateway_refund_reference"?}. A payment that is void already answers with
// already_void and changes nothing.
Result<VoidOutcome> void_payment(app::Context& context, std::int64_t payment_id, const api::Json& input, bool may_void_any);

// Input {"amount", "reason", "method"?, "paid_at"?, "note"?, "confirm"?}: voids the payment and
// records `amount` on the same invoice in one transaction (method, paid_at and note default to the
// voided payment's). Only cash and bank transfer payments. A repeat answers with the correction
// already recorded (already_void) and records nothing.
Result<VoidOutcome> correct_payment(app::Context& context, std::int64_t payment_id, const api::Json& input, bool may_void_any);

// One payment with whose it is and the receipts it is linked to (the receipt PDF).
struct PaymentDetail {
    payments::Payment payment;
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
    std::string replaced_by_receipt_no;  // the correction's receipt, when there is one
    std::string replaces_receipt_no;     // what a correction replaced
};
Result<PaymentDetail> get_payment_detail(store::Database& db, std::int64_t payment_id);

// What POST /api/payments with this input would do, without recording: {invoice_id, amount
// (integer or typed text)}.
Result<payments::PaymentPreview> preview_payment(app::Context& context, const api::Json& input);

}  // namespace kimonet::services
