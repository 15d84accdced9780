#pragma once
// The FTTH inventory from one CSV (or .xlsx) with a `type` column (issue 21; the format is in
// docs/ftth-inventory.md): columns type, name, olt, pon, odc, port_count, latitude, longitude, router,
// site. Rows may name parents in the database or in earlier rows. Every row is checked (names unique
// in the file and the database, parents known, lengths, port counts, coordinates); then either a
// dry-run preview or an all-or-nothing commit in one transaction, like the customer import.
// Shared by POST /api/imports/inventory.
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

struct InventoryImportRowError {
    std::size_t row = 0;  // the sheet's row number (header = 1)
    FieldErrors fields;
};

struct InventoryImportOutcome {
    bool dry_run = true;
    std::string format;
    std::int64_t rows = 0;
    std::int64_t valid = 0;
    std::int64_t imported = 0;
    std::int64_t olts = 0, pon_ports = 0, odcs = 0, odps = 0;  // valid rows per type
    std::vector<InventoryImportRowError> errors;
};

// A file-level problem (not a table, no header, type or name column missing) is an error; row
// problems are in the outcome, and then nothing is imported.
Result<InventoryImportOutcome> import_inventory(app::Context& context, std::string_view file, bool dry_run);

api::Json to_json(const InventoryImportOutcome& outcome);

}  // namespace kimonet::services
