// libFuzzer target for the XLSX import reader (libzip + pugixml). Two kinds of input:
//  - bytes starting with "PK\3\4" are the upload itself (damaged archives, odd entries);
//  - anything else is the workbook's XML parts separated by a line "\n--part--\n" (sheet1.xml,
//    sharedStrings.xml, workbook.xml, workbook.xml.rels), zipped here uncompressed, so mutations
//    reach the XML and cell handling instead of dying on a broken checksum.
// Rows read must keep the reader's promises (one row number per row, positions inside the rows).
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "customers/customer_import.hpp"
#include "spreadsheets/xlsx_reader.hpp"
#include "fuzz_must.hpp"

using namespace kimonet;
using kimonet::fuzz::must;

namespace {

// A stored (uncompressed) ZIP of the given parts, written by libzip into memory.
std::string zip_of(const std::vector<std::pair<const char*, std::string_view>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return {};
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        return {};
    }
    for (const auto& [name, content] : parts) {
        zip_source_t* entry = zip_source_buffer(archive, content.data(), content.size(), 0);
        const zip_int64_t index = entry ? zip_file_add(archive, name, entry, ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            zip_source_free(entry);
            continue;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    std::string out;
    if (zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
        char chunk[4096];
        zip_int64_t read = 0;
        while ((read = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(read));
        zip_source_close(buffer);
    } else if (archive) {
        zip_discard(archive);
    }
    zip_source_free(buffer);
    return out;
}

std::string workbook_from_parts(std::string_view input) {
    constexpr std::string_view kSeparator = "\n--part--\n";
    static const char* const kNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                                         "xl/_rels/workbook.xml.rels"};
    std::vector<std::pair<const char*, std::string_view>> parts;
    for (const char* name : kNames) {
        const auto end = input.find(kSeparator);
        parts.emplace_back(name, input.substr(0, end));
        if (end == std::string_view::npos) break;
        input.remove_prefix(end + kSeparator.size());
    }
    return zip_of(parts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string built = spreadsheets::looks_like_xlsx(input) ? std::string() : workbook_from_parts(input);
    const std::string_view bytes = built.empty() ? input : std::string_view(built);
    auto sheet = spreadsheets::read_xlsx(bytes);
    if (!sheet) return 0;
    must(sheet->rows.size() == sheet->row_numbers.size());
    for (const auto& position : sheet->formulas_without_value)
        must(position.row < sheet->rows.size() && position.column < sheet->rows[position.row].size());
    if (!sheet->rows.empty()) {
        const ColumnMapping mapping = detect_columns(sheet->rows.front());
        (void)check_required_columns(mapping);
    }
    for (const auto& row : sheet->rows)
        for (const auto& cell : row) (void)parse_import_date(cell), (void)phone_from_cell(cell);
    return 0;
}
