#pragma once
// Customer import from spreadsheets: which column is which (auto-detected from common
// Indonesian and English headers) and how spreadsheet values become customer fields. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace kimonet {

enum class ImportField { ServiceNumber, Name, Phone, Email, Address, Package, Router, JoinDate, PppoeUsername, DueDay };
inline constexpr ImportField kImportFields[] = {ImportField::ServiceNumber, ImportField::Name,   ImportField::Phone,
                                                ImportField::Email,         ImportField::Address, ImportField::Package,
                                                ImportField::Router,        ImportField::JoinDate, ImportField::PppoeUsername,
                                                ImportField::DueDay};

// The API field name: "service_number", "name", "phone", "email", "address", "package",
// "router", "join_date", "pppoe_username", "due_day".
std::string_view to_string(ImportField field);
std::optional<ImportField> parse_import_field(std::string_view text);
// "No. Layanan" → ServiceNumber, "Telepon/HP/WA" → Phone, "Paket" → Package, … (nullopt = ignored).
std::optional<ImportField> detect_import_field(std::string_view header);

// Column index per header (nullopt = not imported). A field claimed twice keeps its first column.
struct ColumnMapping {
    std::vector<std::optional<ImportField>> columns;
    std::optional<std::size_t> column_of(ImportField field) const;
};
ColumnMapping detect_columns(const std::vector<std::string>& headers);
// Name, phone and package are required; a mapping without them is a 422 naming them.
Result<void> check_required_columns(const ColumnMapping& mapping);

// "2025-06-01", "01/06/2025", "1-6-2025" (day first, as in Indonesia) or an Excel date serial
// number ("45809" = 2025-06-01; 1900 date system).
Result<Date> parse_import_date(std::string_view text);
// Spreadsheets turn long phone numbers into numbers: "6.28123456789E+12" → "6281234567890".
std::string phone_from_cell(std::string_view text);

}  // namespace kimonet
