#pragma once
// Reads the first worksheet of an .xlsx file (libzip + pugixml) into rows of text: shared and
// inline strings, numbers as written ("45809", "6281234567890"), booleans as "TRUE"/"FALSE",
// formulas as their cached value. Empty cells are "" so columns stay aligned.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::spreadsheets {

struct CellPosition {
    std::size_t row = 0;  // 0-based index into SheetRows::rows
    std::size_t column = 0;
};

struct SheetRows {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> row_numbers;             // the sheet's own 1-based row number of each row
    std::vector<CellPosition> formulas_without_value;  // formulas never calculated (no cached value)
};

// Malformed archives or XML and files that are not workbooks are a 422 on field "file".
Result<SheetRows> read_xlsx(std::string_view bytes);

// True when the bytes start like a ZIP archive (an .xlsx); CSV text never does.
bool looks_like_xlsx(std::string_view bytes);

}  // namespace kimonet::spreadsheets
