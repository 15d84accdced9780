#pragma once
// Invoices, lines, payments, credit and number sequences in SQLite. Callers hold the transaction.
#include <optional>
#include <vector>

#include "billing/invoice.hpp"
#include "payments/payment_rules.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// Advances the counter `name` by `count` and returns the first of the reserved numbers.
// Must run inside the write transaction that uses them, so numbers stay gap-free.
// In a transaction_without_savepoints (a callback batch) single numbers come from a block of 16
// reserved in one statement; the unused rest is given back before COMMIT (the same numbers, one
// statement for up to 16 callbacks instead of one each).
Result<std::int64_t> reserve_sequence(Database& db, const std::string& name, std::int64_t count);
std::string invoice_sequence_name(const Period& period);  // "invoice:2026-01"

struct InvoiceFilter {
    std::optional<Period> period;
    std::optional<billing::InvoiceStatus> status;
    std::optional<std::int64_t> customer_id;
    bool overdue_only = false;
    Date today;  // for overdue
    int page = 1;
    int per_page = 25;
};

struct InvoiceListRow {
    billing::Invoice invoice;  // without lines
    std::string customer_name;
    std::string service_number;
};

struct InvoicePage {
    std::vector<InvoiceListRow> rows;
    std::int64_t total = 0;
};

// With lines.
// An invoice row's columns (invoices aliased `i`, 15 of them) and the invoice they make, read from
// column `first` on: for a statement that reads an invoice beside other rows.
extern const char* const kInvoiceColumns;
inline constexpr int kInvoiceColumnCount = 19;  // the columns of kInvoiceColumns
billing::Invoice invoice_from_row(const Statement& row, int first);
Result<std::optional<billing::Invoice>> find_invoice(Database& db, std::int64_t id);
// The invoice row alone (lines empty): for a path that needs only its totals and state.
Result<std::optional<billing::Invoice>> find_invoice_without_lines(Database& db, std::int64_t id);
Result<std::optional<std::int64_t>> find_monthly_invoice_id(Database& db, std::int64_t customer_id, const Period& period);
Result<InvoicePage> list_invoices(Database& db, const InvoiceFilter& filter);

// Inserts invoices with their lines through statements prepared once (bulk generation).
class InvoiceWriter {
public:
    static Result<InvoiceWriter> prepare(Database& db);
    Result<std::int64_t> insert(const billing::Invoice& invoice, std::int64_t sequence, std::int64_t now);

private:
    InvoiceWriter(Database& db, Statement invoice, Statement line)
        : m_db(&db), m_invoice(std::move(invoice)), m_line(std::move(line)) {}
    Database* m_db;
    Statement m_invoice;
    Statement m_line;
};

// Inserts the invoice and its lines; returns the new id.
Result<std::int64_t> insert_invoice(Database& db, const billing::Invoice& invoice, std::int64_t sequence, std::int64_t now);
Result<void> insert_invoice_line(Database& db, std::int64_t invoice_id, int position, const billing::InvoiceLine& line);
// Writes totals, paid amount, status and void reason back.
Result<void> update_invoice_state(Database& db, const billing::Invoice& invoice, std::optional<std::int64_t> paid_at);

Result<std::int64_t> insert_payment(Database& db, payments::Payment& payment, const std::string& recorded_by_type,
                                    std::optional<std::int64_t> recorded_by_id, std::int64_t now);
// insert_payment, then update_invoice_state(invoice, paid_at): PostgreSQL in one statement.
Result<std::int64_t> insert_payment_updating_invoice(Database& db, payments::Payment& payment, const std::string& recorded_by_type,
                                                     std::optional<std::int64_t> recorded_by_id, std::int64_t now, const billing::Invoice& invoice,
                                                     std::optional<std::int64_t> paid_at);
// A payment from the columns id, invoice_id, customer_id, amount, applied_amount, method, paid_at,
// receipt_no, note, recorded_by_name, voided_at, voided_by_name, void_reason, replaces_payment_id and
// the id of its correction, starting at column `first`.
payments::Payment payment_from_row(Statement& row, int first);
// Newest first, voided payments included (each says so); revenue reads leave them out.
Result<std::vector<payments::Payment>> list_payments(Database& db, std::optional<std::int64_t> invoice_id,
                                                     std::optional<std::int64_t> customer_id, int page, int per_page,
                                                     std::int64_t* total);

Result<Money> credit_balance(Database& db, std::int64_t customer_id);
// Adds (positive) or uses (negative) credit and records why in the ledger.
Result<void> change_credit(Database& db, std::int64_t customer_id, Money amount, const std::string& reason,
                           std::optional<std::int64_t> invoice_id, std::optional<std::int64_t> payment_id, std::int64_t now);

}  // namespace kimonet::store
