#pragma once
// Credit notes and refunds (issue 20) in the database. Callers hold the write transaction for writes.
#include <optional>
#include <string>
#include <vector>

#include "billing/credit_note.hpp"
#include "reports/revenue_report.hpp"
#include "store/database.hpp"

namespace kimonet::store {

std::string credit_note_sequence_name(const Period& period);  // "credit_note:2026-12"

// Who wrote a row: the actor's type, id (none for the system) and name, and the request's key.
struct WrittenBy {
    std::string type;
    std::optional<std::int64_t> id;
    std::string name;
    std::optional<std::string> idempotency_key;
};

// Inserts the credit note (number, period and sequence already reserved); returns its id.
Result<std::int64_t> insert_credit_note(Database& db, const billing::CreditNote& note, const Period& period, std::int64_t sequence,
                                        const WrittenBy& by);
Result<std::optional<billing::CreditNote>> find_credit_note(Database& db, std::int64_t id);
// The full name of the staff user who made the credit note ("" for none, or the system).
Result<std::string> credit_note_maker_full_name(Database& db, std::int64_t id);
// The credit note `user_id` created with `key`, if any.
Result<std::optional<std::int64_t>> find_credit_note_by_key(Database& db, std::int64_t user_id, const std::string& key);
// The sum of the invoice's credit notes' amounts (what was taken off the billed total so far).
Result<Money> credited_total(Database& db, std::int64_t invoice_id);
// The sum of their applied parts (counted in the invoice's paid_amount).
Result<Money> credited_applied(Database& db, std::int64_t invoice_id);

struct CreditNoteFilter {
    std::optional<std::int64_t> invoice_id;
    std::optional<std::int64_t> customer_id;
    std::optional<Date> from;  // issue dates, inclusive
    std::optional<Date> to;
    int page = 1;
    int per_page = 50;
};
struct CreditNotePage {
    std::vector<billing::CreditNote> rows;  // newest first
    std::int64_t total = 0;
    Money amount = 0;  // of every matching note, not just the page
    Money tax = 0;
};
Result<CreditNotePage> list_credit_notes(Database& db, const CreditNoteFilter& filter);

// Credit notes per month of issue (local issue dates in [from, to]).
Result<std::vector<reports::CreditNoteGroup>> credit_notes_by_month(Database& db, const Date& from, const Date& to);

Result<std::int64_t> insert_refund(Database& db, const billing::Refund& refund, const WrittenBy& by);
Result<std::optional<billing::Refund>> find_refund(Database& db, std::int64_t id);
Result<std::optional<std::int64_t>> find_refund_by_key(Database& db, std::int64_t user_id, const std::string& key);
Result<std::vector<billing::Refund>> list_refunds(Database& db, std::int64_t customer_id);

}  // namespace kimonet::store
