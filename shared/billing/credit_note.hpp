#pragma once
// Credit notes (nota kredit, issue 20) as data: how much a credit note may take off an invoice, the
// share of PPN it carries, and how it splits between the invoice's open amount and customer credit.
// Pure: the invoice as stored in, figures out. The service numbers, stores and applies them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "billing/invoice.hpp"

namespace kimonet::billing {

inline constexpr std::string_view kDefaultCreditNoteNumberFormat = "NK/{YYYY}/{MM}/{NNNN}";

// What the operator asked to credit: the whole rest, an amount (with tax, as the invoice asks), or
// some of the invoice's lines (their share of the total, tax included).
struct CreditNoteRequest {
    bool full = false;
    std::optional<Money> amount;
    std::vector<std::int64_t> lines;  // 0-based positions on the invoice
};

struct CreditNoteFigures {
    Money amount = 0;   // with tax: what the credit note takes off the invoice
    Money base = 0;     // amount - tax (the DPP share)
    Money tax = 0;      // the invoice's own tax in proportion: round(amount × tax / total)
    Money applied = 0;  // reduces what the invoice still asks for
    Money credit = 0;   // the rest (the invoice was paid, or the credit exceeds what is open): customer credit
};

// A stored credit note, as the API shows it.
struct CreditNote {
    std::int64_t id = 0;
    std::string credit_note_no;  // "NK/2026/12/0001": its own series, never an invoice number
    std::int64_t invoice_id = 0;
    std::string invoice_no;
    std::int64_t customer_id = 0;
    std::string customer_name;
    std::string service_number;
    CreditNoteFigures figures;
    std::string reason;
    std::string lines;  // the credited lines' descriptions ("" for an amount or the whole rest)
    Date issue_date;
    std::int64_t created_at = 0;  // Unix seconds
    std::string created_by;
};

// Customer credit paid back to the customer.
struct Refund {
    std::int64_t id = 0;
    std::int64_t customer_id = 0;
    Money amount = 0;
    std::string method;  // "cash" or "bank_transfer"
    std::string reference;
    std::string reason;
    std::int64_t refunded_at = 0;  // Unix seconds
    std::string created_by;
};

// The most a new credit note may take: what was billed minus earlier credit notes (never below 0).
Money creditable_amount(const Invoice& invoice, Money already_credited);

// The figures of a credit note on `invoice` (as stored: total, tax, paid amount that already counts
// earlier credit notes' applied parts) after `already_credited` in earlier notes. 409 for a void
// invoice or one credited in full; 422 with field errors ("amount", "lines", "full") for a choice
// that is not exactly one of full/amount/lines, an amount ≤ 0 or above what may be credited, or
// lines that do not exist, repeat or add up to nothing. Checked int64 arithmetic throughout.
Result<CreditNoteFigures> credit_note_figures(const Invoice& invoice, Money already_credited, const CreditNoteRequest& request);

}  // namespace kimonet::billing
