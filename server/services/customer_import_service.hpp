#pragma once
// Customer import from .xlsx or .csv: columns auto-detected from the header row, every row
// validated (phone, package, router, duplicate nomor layanan in the file and in the database),
// then either a dry-run preview or an all-or-nothing commit in one transaction.
// Shared by POST /api/imports/customers and `kimonet customer import`.
#include <functional>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "customers/customer.hpp"
#include "customers/customer_import.hpp"

namespace kimonet::services {

struct ImportRowError {
    std::size_t row = 0;  // the spreadsheet's row number (header = 1)
    FieldErrors fields;   // by import field: name, phone, package, service_number, …
};

struct ImportOutcome {
    bool dry_run = true;
    std::string format;    // "xlsx" or "csv"
    std::string encoding;  // "utf-8", "windows-1252" (CSV converted), "xlsx"
    std::vector<std::string> headers;
    ColumnMapping mapping;
    std::int64_t rows = 0;   // data rows (blank rows skipped)
    std::int64_t valid = 0;
    std::int64_t imported = 0;
    std::vector<ImportRowError> errors;
    std::vector<Customer> preview;  // the first valid rows as they would be saved
};

using ImportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// A file-level problem (not a spreadsheet, wrong encoding, required column missing) is an error;
// row problems are in the outcome, and then nothing is imported.
Result<ImportOutcome> import_customers(app::Context& context, std::string_view file, bool dry_run,
                                       const ImportProgress& progress = {});

api::Json to_json(const ImportOutcome& outcome);

}  // namespace kimonet::services
