#pragma once
// Tabular exports: a source pushes sheets and rows into a writer, which produces the file
// bytes (XLSX via libxlsxwriter, CSV as UTF-8 with BOM). Rows are written as they come, so a
// large export never holds more than the writer's own buffer.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace kimonet::spreadsheets {

enum class ColumnKind {
    Text,
    Integer,
    Money,        // rupiah, "#,##0"
    Date,         // a real date cell
    BasisPoints,  // 5263 → 52.63 %
};

struct Column {
    std::string header;
    ColumnKind kind = ColumnKind::Text;
    double width = 16;
};

// Empty, text, a number (Integer/Money/BasisPoints) or a date.
using Cell = std::variant<std::monostate, std::string, std::int64_t, Date>;

class TableWriter {
public:
    virtual ~TableWriter() = default;
    // Starts a sheet (XLSX worksheet; in CSV a blank line and the title before every sheet but the first).
    virtual Result<void> begin_sheet(const std::string& title, const std::vector<Column>& columns) = 0;
    virtual Result<void> add_row(const std::vector<Cell>& cells) = 0;
    // The finished file.
    virtual Result<std::string> finish() = 0;
};

std::unique_ptr<TableWriter> make_xlsx_writer();
std::unique_ptr<TableWriter> make_csv_writer();

enum class ExportFormat { Xlsx, Csv, Pdf };
Result<ExportFormat> parse_export_format(std::string_view text);  // "xlsx", "csv", "pdf"
std::string_view content_type(ExportFormat format);
std::string_view extension(ExportFormat format);

}  // namespace kimonet::spreadsheets
