#include "core/csv.hpp"
#include "spreadsheets/table_writer.hpp"

namespace kimonet::spreadsheets {

namespace {

// Numbers plain (no thousands separators) and dates ISO, so that any locale's Excel reads them.
class CsvTableWriter final : public TableWriter {
public:
    CsvTableWriter() { m_out.assign(kUtf8Bom); }

    Result<void> begin_sheet(const std::string& title, const std::vector<Column>& columns) override {
        if (m_sheets++ > 0) {
            m_out += "\r\n";
            append_csv_row(m_out, {title});
        }
        m_columns = columns;
        std::vector<std::string> headers;
        for (const auto& column : columns) headers.push_back(column.header);
        append_csv_row(m_out, headers);
        return {};
    }

    Result<void> add_row(const std::vector<Cell>& cells) override {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) m_out += ',';
            const Cell& cell = cells[i];
            if (const auto* text = std::get_if<std::string>(&cell)) m_out += csv_field(*text);
            else if (const auto* date = std::get_if<Date>(&cell)) m_out += to_string(*date);
            else if (const auto* number = std::get_if<std::int64_t>(&cell)) m_out += number_text(*number, i);
        }
        m_out += "\r\n";
        return {};
    }

    Result<std::string> finish() override { return std::move(m_out); }

private:
    std::string number_text(std::int64_t value, std::size_t column) const {
        if (column < m_columns.size() && m_columns[column].kind == ColumnKind::BasisPoints) {
            const std::int64_t whole = value / 100, part = (value < 0 ? -value : value) % 100;
            return (value < 0 && whole == 0 ? "-" : "") + std::to_string(whole) + "." + (part < 10 ? "0" : "") + std::to_string(part);
        }
        return std::to_string(value);
    }

    std::string m_out;
    std::vector<Column> m_columns;
    int m_sheets = 0;
};

}  // namespace

std::unique_ptr<TableWriter> make_csv_writer() { return std::make_unique<CsvTableWriter>(); }

Result<ExportFormat> parse_export_format(std::string_view text) {
    if (text == "xlsx") return ExportFormat::Xlsx;
    if (text == "csv") return ExportFormat::Csv;
    if (text == "pdf") return ExportFormat::Pdf;
    return validation_error({{"format", messages::kExportFormatChoice}});
}

std::string_view content_type(ExportFormat format) {
    switch (format) {
        case ExportFormat::Xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        case ExportFormat::Csv: return "text/csv; charset=utf-8";
        case ExportFormat::Pdf: return "application/pdf";
    }
    return "application/octet-stream";
}

std::string_view extension(ExportFormat format) {
    switch (format) {
        case ExportFormat::Xlsx: return "xlsx";
        case ExportFormat::Csv: return "csv";
        case ExportFormat::Pdf: return "pdf";
    }
    return "bin";
}

}  // namespace kimonet::spreadsheets
