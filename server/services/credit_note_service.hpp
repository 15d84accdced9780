#pragma once
// Credit notes (nota kredit) and refunds (pengembalian dana), issue 20; docs/credit-notes.md.
// A credit note takes an amount off an issued invoice, in its own number series, with the invoice's
// own PPN in proportion. What the invoice still asked for goes down first (its settled amount goes
// up: a fully credited invoice is settled, and an isolated customer is restored the way a payment
// restores them); anything beyond that becomes customer credit, never a negative amount due.
// Customer credit can be refunded (cash or bank transfer), never beyond the balance.
#include <optional>

#include "api/json_fields.hpp"
#include "api/credit_note_dto.hpp"
#include "app/context.hpp"
#include "store/credit_note_store.hpp"

namespace kimonet::services {

struct CreditNoteOutcome {
    billing::CreditNote note;
    billing::Invoice invoice;  // after the credit note
    Money credit_balance = 0;  // the customer's credit afterwards
    bool restore_requested = false;
    bool repeated = false;  // the Idempotency-Key found this note: nothing was created
};

// Input {"full": true | "amount": rupiah (integer or typed, "50rb") | "lines": [positions], "reason",
// "idempotency_key"?}. One transaction: the number, the note, the invoice's settled amount and
// status, the credit, the restore and the activity entry.
Result<CreditNoteOutcome> create_credit_note(app::Context& context, std::int64_t invoice_id, const api::Json& input);
// `owner` limits the lookup to one customer's credit notes (the portal): others are "not found".
Result<billing::CreditNote> get_credit_note(store::Database& db, std::int64_t id, std::optional<std::int64_t> owner = std::nullopt);
Result<store::CreditNotePage> search_credit_notes(store::Database& db, const store::CreditNoteFilter& filter);
// What the invoice detail shows of its credit notes: the notes, what they took off the billed total,
// and how much of the settled amount payments made.
Result<api::InvoiceCredit> invoice_credit(store::Database& db, const billing::Invoice& invoice);

struct RefundOutcome {
    billing::Refund refund;
    Money credit_balance = 0;  // afterwards
    bool repeated = false;
};

// Input {"amount", "method": "cash"|"bank_transfer", "reference" (required for a transfer), "reason",
// "idempotency_key"?}. The balance is read and lowered inside one write transaction, so two refunds
// of the whole balance cannot both pass (the second is a 422 naming the balance left).
Result<RefundOutcome> create_refund(app::Context& context, std::int64_t customer_id, const api::Json& input);

struct CustomerRefunds {
    Money credit_balance = 0;
    std::vector<billing::Refund> refunds;  // newest first
};
Result<CustomerRefunds> customer_refunds(store::Database& db, std::int64_t customer_id);

}  // namespace kimonet::services
