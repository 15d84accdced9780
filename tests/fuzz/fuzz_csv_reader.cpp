// libFuzzer target for the CSV side of the customer import: the upload's bytes are decoded
// (UTF-8 / Windows-1252, UTF-16 and binary refused), parsed (separator detection, RFC 4180 quotes),
// the header row mapped to import fields, and each cell read as the import would (dates, phones).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "customers/customer_import.hpp"
#include "fuzz_must.hpp"

using namespace kimonet;
using kimonet::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = decode_spreadsheet_text(bytes);
    if (!decoded) return 0;
    // Whatever the upload's encoding, the import works on valid UTF-8.
    must(is_valid_utf8(decoded->text));
    auto rows = parse_csv(decoded->text);
    if (!rows || rows->empty()) return 0;
    const ColumnMapping mapping = detect_columns(rows->front());
    must(mapping.columns.size() == rows->front().size());
    (void)check_required_columns(mapping);
    for (const auto& row : *rows) {
        for (const auto& cell : row) {
            (void)parse_import_date(cell);
            (void)phone_from_cell(cell);
            (void)csv_field(cell);
        }
    }
    return 0;
}
