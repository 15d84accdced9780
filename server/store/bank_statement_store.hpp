#pragma once
// Bank transfers (issue 20): the amounts open coded invoices ask for, the invoices a statement is
// matched against, and the imported statement lines. Used by services/unique_codes.cpp and
// services/bank_statement_service.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "payments/statement_matching.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// total + unique_code of every open (unpaid, partial) coded invoice.
Result<std::unordered_set<Money>> open_transfer_amounts(Database& db);
Result<void> set_invoice_unique_code(Database& db, std::int64_t invoice_id, Money code);
Result<Money> invoice_unique_code(Database& db, std::int64_t invoice_id);

// The id of the invoice numbered `invoice_no` (exactly, or ignoring case), if any.
Result<std::optional<std::int64_t>> find_invoice_id_by_number(Database& db, const std::string& invoice_no);

// Open invoices (unpaid, partial, something outstanding) with their customer's number and name.
Result<std::vector<payments::OpenInvoice>> open_invoices_for_matching(Database& db);

struct StatementLineRow {
    std::int64_t id = 0;
    std::string line_key;
    std::string bank;
    std::string account;
    std::string posted_on;  // YYYY-MM-DD
    Money amount = 0;
    std::string description;
    std::string balance;
    std::string reference;
    std::int64_t file_row = 0;
    std::string status;  // paid, review, ignored
    std::string match_rule;
    std::string review_reason;
    std::optional<std::int64_t> suggested_invoice_id;
    std::optional<std::int64_t> invoice_id;
    std::optional<std::int64_t> payment_id;
    std::string note;
    std::int64_t imported_at = 0;
    std::string imported_by;
    std::optional<std::int64_t> resolved_at;
    std::string resolved_by;
    // Read with the line (list and find): the suggested or paid invoice's number and customer.
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
};

// Inserts the line unless its line_key is stored already: the new id, or nothing for a repeat.
Result<std::optional<std::int64_t>> insert_statement_line(Database& db, const StatementLineRow& line);
// True when a line of the same bank, account, date, amount and running balance (not empty) is
// stored under another key: the same bank line with its description edited.
Result<bool> same_line_stored_otherwise(Database& db, const StatementLineRow& line);
Result<void> resolve_statement_line(Database& db, std::int64_t id, const std::string& status, const std::string& match_rule,
                                    std::optional<std::int64_t> invoice_id, std::optional<std::int64_t> payment_id,
                                    const std::string& note, std::int64_t at, const std::string& by);
Result<std::optional<StatementLineRow>> find_statement_line(Database& db, std::int64_t id);

struct StatementLinePage {
    std::vector<StatementLineRow> rows;
    std::int64_t total = 0;
};
// status "" = all; newest first.
Result<StatementLinePage> list_statement_lines(Database& db, const std::string& status, int page, int per_page);

}  // namespace kimonet::store
