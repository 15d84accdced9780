#include "spreadsheets/uploaded_table.hpp"

#include "core/validation_messages.hpp"

namespace kimonet::spreadsheets {

Result<UploadedTable> read_uploaded_table(std::string_view file, const CsvLimits& limits) {
    if (file.empty()) return validation_error({{"file", messages::kFileEmpty}});
    if (looks_like_xlsx(file)) return UploadedTable{TRY(read_xlsx(file)), "xlsx", "xlsx"};
    const auto decoded = TRY(decode_spreadsheet_text(file));
    UploadedTable table{{}, "csv", std::string(to_string(decoded.encoding))};
    table.sheet.rows = TRY(parse_csv(decoded.text, limits));
    for (std::size_t i = 0; i < table.sheet.rows.size(); ++i) table.sheet.row_numbers.push_back(i + 1);
    return table;
}

}  // namespace kimonet::spreadsheets
