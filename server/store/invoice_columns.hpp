#pragma once
// The columns of an invoice row and of an invoice line as the writers bind them: one row per
// statement (invoice_store.cpp) or many rows to a statement (invoice_bulk_store.cpp, SQLite).
// Included by those two files only.
#include <cstdint>

#include "billing/invoice.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// The invoice columns every writer sets, in the order bind_invoice_columns binds them (the id,
// when a writer gives it, goes before them).
inline constexpr const char* kInvoiceInsertColumns =
    "invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
    "tax_rate_bp, tax_mode, paid_amount, status, created_at, tax_pkp, tax_dpp_numerator, tax_dpp_denominator, tax_base";
inline constexpr int kInvoiceInsertColumnCount = 19;
inline constexpr const char* kLineInsertColumns = "invoice_id, position, kind, description, quantity, unit_price, amount";
inline constexpr int kLineInsertColumnCount = 7;

// Binds the kInvoiceInsertColumns of `invoice` to parameters first … first + 18.
void bind_invoice_columns(Statement& statement, int first, const billing::Invoice& invoice, std::int64_t sequence, std::int64_t now);
// Binds the kLineInsertColumns of `line` to parameters first … first + 6.
void bind_line_columns(Statement& statement, int first, std::int64_t invoice_id, int position, const billing::InvoiceLine& line);

}  // namespace kimonet::store
