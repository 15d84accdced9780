#pragma once
// An uploaded spreadsheet as rows of text: an .xlsx (its first sheet) or CSV text (UTF-8 or
// Windows-1252, separator detected), with the sheet's own row numbers. Shared by the customer
// import and the bank statement import.
#include <string>
#include <string_view>

#include "core/csv.hpp"
#include "spreadsheets/xlsx_reader.hpp"

namespace kimonet::spreadsheets {

struct UploadedTable {
    SheetRows sheet;
    std::string format;    // "xlsx" or "csv"
    std::string encoding;  // "utf-8", "windows-1252" (CSV converted), "xlsx"
};

// An empty file, a broken archive, UTF-16 or binary text, or a CSV past `limits` is a 422 on "file".
Result<UploadedTable> read_uploaded_table(std::string_view file, const CsvLimits& limits);

}  // namespace kimonet::spreadsheets
