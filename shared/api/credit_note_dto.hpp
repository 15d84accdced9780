#pragma once
// The credit note and refund shapes (issue 20). The server writes them with to_json; the browser
// reads them back with the *_from_json readers, which never throw.
#include <vector>

#include "api/json_fields.hpp"
#include "billing/credit_note.hpp"
#include "core/date.hpp"

namespace kimonet::api {

// {id, credit_note_no, invoice_id, invoice_no, customer_id, customer_name, service_number, amount,
//  base, tax, applied, credit, reason, lines, issue_date, created_at, created_by}
Json to_json(const billing::CreditNote& note, UtcOffset offset);
// {id, customer_id, amount, method, reference, reason, refunded_at, created_by}
Json to_json(const billing::Refund& refund, UtcOffset offset);

billing::CreditNote credit_note_from_json(const Json& json);
billing::Refund refund_from_json(const Json& json);
// The rows of a list ({"data":[…]}, a bare array, or an object's "credit_notes"/"refunds" array).
std::vector<billing::CreditNote> credit_notes_from_list(const Json& rows);
std::vector<billing::Refund> refunds_from_list(const Json& rows);

// What the invoice detail adds (issue 20): its credit notes, what they took off the billed total
// ("credited_amount"), and the part of "paid_amount" that payments made ("paid_by_payments"; the
// rest is credit notes' applied parts). Added only when the invoice has credit notes; the reader's
// defaults (none, 0, paid_amount) say the same for an invoice without them.
struct InvoiceCredit {
    std::vector<billing::CreditNote> credit_notes;
    Money credited_amount = 0;
    Money paid_by_payments = 0;
};
void add_invoice_credit(Json& invoice_json, const InvoiceCredit& credit, UtcOffset offset);
InvoiceCredit invoice_credit_from_json(const Json& invoice_json);

}  // namespace kimonet::api
