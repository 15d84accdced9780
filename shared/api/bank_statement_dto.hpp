#pragma once
// JSON shapes of the bank statement import (issue 20): one imported line, and what an import did.
// to_json is the server's, the *_from_json the browser's (never throws; missing fields keep defaults).
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/money.hpp"

namespace kimonet::api {

struct BankStatementLineResource {
    std::int64_t id = 0;
    std::string bank;
    std::string account;
    std::string posted_on;  // YYYY-MM-DD
    Money amount = 0;
    std::string description;
    std::int64_t file_row = 0;
    std::string status;         // paid, review, ignored
    std::string match_rule;     // unique_amount, invoice_number, service_number, name, manual, ""
    std::string review_reason;  // no_match, ambiguous, amount_differs, name_only, cents, edited_duplicate, ""
    std::optional<std::int64_t> suggested_invoice_id;
    std::optional<std::int64_t> invoice_id;
    std::optional<std::int64_t> payment_id;
    std::string invoice_no;  // of the paid invoice, else of the suggested one
    std::string customer_name;
    std::string service_number;
    std::string note;
    std::string resolved_by;
};

struct BankStatementImportResource {
    std::string bank;
    std::string account;
    std::string format;  // csv, xlsx
    std::int64_t credits = 0;   // credit lines in the file
    std::int64_t debits = 0;    // debit lines (not imported)
    std::int64_t pending = 0;   // BCA PEND lines (imported once booked)
    std::int64_t added = 0;     // lines new to the database
    std::int64_t repeated = 0;  // lines imported before (a re-import): nothing done
    std::int64_t paid = 0;      // new lines paid automatically
    std::int64_t review = 0;    // new lines waiting for a person
    Money paid_amount = 0;
};

Json to_json(const BankStatementLineResource& line);
Json to_json(const BankStatementImportResource& summary);
Result<BankStatementLineResource> bank_statement_line_from_json(const Json& json);
std::vector<BankStatementLineResource> bank_statement_lines_from_list(const Json& body);
BankStatementImportResource bank_statement_import_from_json(const Json& json);

}  // namespace kimonet::api
