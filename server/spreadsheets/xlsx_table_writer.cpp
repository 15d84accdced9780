#include <xlsxwriter.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "spreadsheets/table_writer.hpp"

namespace kimonet::spreadsheets {

namespace {

// libxlsxwriter in constant-memory mode: each row is flushed to a temporary file as it is
// written, so 100,000 rows cost a row's worth of memory; the workbook is then read back.
class XlsxTableWriter final : public TableWriter {
public:
    XlsxTableWriter() {
        static std::atomic<int> counter{0};
        m_path = std::filesystem::temp_directory_path() /
                 ("kimonet-export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        m_workbook = workbook_new_opt(m_path.c_str(), &options);
        if (!m_workbook) return;
        m_bold = workbook_add_format(m_workbook);
        format_set_bold(m_bold);
        m_money = workbook_add_format(m_workbook);
        format_set_num_format(m_money, "#,##0");
        m_date = workbook_add_format(m_workbook);
        format_set_num_format(m_date, "yyyy-mm-dd");
        m_percent = workbook_add_format(m_workbook);
        format_set_num_format(m_percent, "0.00%");
    }

    ~XlsxTableWriter() override {
        if (m_workbook) workbook_close(m_workbook);
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }

    Result<void> begin_sheet(const std::string& title, const std::vector<Column>& columns) override {
        if (!m_workbook) return make_error(ErrorCode::Internal, messages::kCannotCreateWorkbook);
        std::string name = title.substr(0, 31);
        for (char& c : name)
            if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
        m_sheet = workbook_add_worksheet(m_workbook, name.c_str());
        if (!m_sheet) return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotAddWorksheet, name));
        m_columns = columns;
        m_row = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto column = static_cast<lxw_col_t>(i);
            worksheet_set_column(m_sheet, column, column, columns[i].width, nullptr);
            worksheet_write_string(m_sheet, 0, column, columns[i].header.c_str(), m_bold);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        ++m_row;
        return {};
    }

    Result<void> add_row(const std::vector<Cell>& cells) override {
        if (!m_sheet) return make_error(ErrorCode::Internal, messages::kRowBeforeSheet);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const auto column = static_cast<lxw_col_t>(i);
            const ColumnKind kind = i < m_columns.size() ? m_columns[i].kind : ColumnKind::Text;
            const Cell& cell = cells[i];
            if (const auto* text = std::get_if<std::string>(&cell)) {
                if (!text->empty()) worksheet_write_string(m_sheet, m_row, column, text->c_str(), nullptr);
            } else if (const auto* date = std::get_if<Date>(&cell)) {
                lxw_datetime value{date->year, static_cast<std::uint8_t>(date->month), static_cast<std::uint8_t>(date->day), 0, 0, 0};
                worksheet_write_datetime(m_sheet, m_row, column, &value, m_date);
            } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
                if (kind == ColumnKind::BasisPoints) worksheet_write_number(m_sheet, m_row, column, static_cast<double>(*number) / 10000.0, m_percent);
                else worksheet_write_number(m_sheet, m_row, column, static_cast<double>(*number), kind == ColumnKind::Money ? m_money : nullptr);
            }
        }
        ++m_row;
        return {};
    }

    Result<std::string> finish() override {
        if (!m_workbook) return make_error(ErrorCode::Internal, messages::kCannotCreateWorkbook);
        if (!m_sheet) TRY_VOID(begin_sheet("Data", {}));
        const lxw_error closed = workbook_close(m_workbook);
        m_workbook = nullptr;
        if (closed != LXW_NO_ERROR) return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotSaveWorkbook, lxw_strerror(closed)));
        std::ifstream file(m_path, std::ios::binary);
        std::ostringstream bytes;
        bytes << file.rdbuf();
        return bytes.str();
    }

private:
    std::filesystem::path m_path;
    lxw_workbook* m_workbook = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_money = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_percent = nullptr;
    std::vector<Column> m_columns;
    lxw_row_t m_row = 0;
};

}  // namespace

std::unique_ptr<TableWriter> make_xlsx_writer() { return std::make_unique<XlsxTableWriter>(); }

}  // namespace kimonet::spreadsheets
