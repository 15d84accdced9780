#include "spreadsheets/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "spreadsheets/import_limits.hpp"

namespace kimonet::spreadsheets {

namespace {

Error bad_file(const std::string& why) { return validation_error({{"file", messages::with_detail(messages::kBadXlsx, why)}}, messages::with_detail(messages::kBadXlsx, why)); }

using Archive = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// Inflates one entry, trusting neither the sizes the archive declares nor the data: the
// declared size and ratio are checked first, then the inflated bytes are counted as they come
// and reading stops at the smaller of the declared size and the cap.
Result<std::string> read_entry(zip_t* archive, const std::string& name, bool required) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        if (required) return bad_file(name + " tidak ada");
        return std::string();
    }
    const auto too_large = [&] {
        return bad_file(name + " terlalu besar setelah diekstrak (paling banyak " + std::to_string(kMaxEntryBytes >> 20) +
                        " MB, rasio kompresi paling banyak " + std::to_string(kMaxCompressionRatio) + ":1)");
    };
    if (stat.size > kMaxEntryBytes) return too_large();
    if ((stat.valid & ZIP_STAT_COMP_SIZE) && stat.size > kRatioCheckedAbove && stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > kMaxCompressionRatio)
        return too_large();
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(archive, name.c_str(), 0), &zip_fclose);
    if (!file) return bad_file(name + " tidak bisa dibuka");
    std::string content;
    content.reserve(std::min<zip_uint64_t>(stat.size, 1u << 20));
    char piece[64 << 10];
    for (;;) {
        const zip_int64_t got = zip_fread(file.get(), piece, sizeof piece);
        if (got < 0) return bad_file(name + " rusak");
        if (got == 0) break;
        content.append(piece, static_cast<std::size_t>(got));
        // More than declared is a lying archive; libzip also checks, this does not rely on it.
        if (content.size() > stat.size || content.size() > kMaxEntryBytes) return too_large();
    }
    if (content.size() != stat.size) return bad_file(name + " terpotong");
    return content;
}

Result<pugi::xml_document> parse_xml(const std::string& text, const std::string& name) {
    pugi::xml_document document;
    if (!document.load_buffer(text.data(), text.size())) return bad_file(name + " bukan XML yang valid");
    return document;
}

// All text of an <si> or <is>: plain <t> or rich-text runs <r><t>, phonetic <rPh> left out.
std::string string_item_text(const pugi::xml_node& item) {
    std::string text;
    for (auto node : item.children()) {
        const std::string_view name = node.name();
        if (name == "t") text += node.text().get();
        else if (name == "r") text += node.child("t").text().get();
    }
    return text;
}

// "BC12" → 54 (0-based column); nullopt on nonsense.
std::optional<std::size_t> column_of_reference(std::string_view reference) {
    std::size_t column = 0, letters = 0;
    for (char c : reference) {
        if (c >= 'A' && c <= 'Z') column = column * 26 + static_cast<std::size_t>(c - 'A' + 1), ++letters;
        else break;
    }
    if (letters == 0 || letters > 3) return std::nullopt;
    return column - 1;
}

// The first sheet's path from workbook.xml and its relationships (fallback: sheet1.xml).
std::string first_sheet_path(zip_t* archive) {
    auto workbook = read_entry(archive, "xl/workbook.xml", false);
    auto relationships = read_entry(archive, "xl/_rels/workbook.xml.rels", false);
    if (!workbook || !relationships || workbook->empty() || relationships->empty()) return "xl/worksheets/sheet1.xml";
    pugi::xml_document book, rels;
    if (!book.load_buffer(workbook->data(), workbook->size()) || !rels.load_buffer(relationships->data(), relationships->size()))
        return "xl/worksheets/sheet1.xml";
    const auto sheet = book.child("workbook").child("sheets").child("sheet");
    const std::string id = sheet.attribute("r:id").value();
    for (auto rel : rels.child("Relationships").children("Relationship")) {
        if (id != rel.attribute("Id").value()) continue;
        std::string target = rel.attribute("Target").value();
        if (target.starts_with("/")) return target.substr(1);
        return "xl/" + target;
    }
    return "xl/worksheets/sheet1.xml";
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

Result<SheetRows> read_xlsx(std::string_view bytes) {
    if (!looks_like_xlsx(bytes)) return bad_file("bukan arsip ZIP");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) return bad_file("arsip tidak terbaca");
    zip_t* opened = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!opened) {
        zip_source_free(source);
        zip_error_fini(&error);
        return bad_file("arsip ZIP rusak");
    }
    Archive archive(opened, &zip_discard);

    std::vector<std::string> shared_strings;
    const std::string shared_text = TRY(read_entry(archive.get(), "xl/sharedStrings.xml", false));
    if (!shared_text.empty()) {
        auto document = TRY(parse_xml(shared_text, "sharedStrings.xml"));
        for (auto item : document.child("sst").children("si")) {
            if (shared_strings.size() >= kMaxImportCells) return bad_file("terlalu banyak teks (shared strings)");
            shared_strings.push_back(string_item_text(item));
        }
    }

    const std::string sheet_path = first_sheet_path(archive.get());
    const std::string sheet_text = TRY(read_entry(archive.get(), sheet_path, true));
    auto sheet = TRY(parse_xml(sheet_text, sheet_path));
    const auto data = sheet.child("worksheet").child("sheetData");
    if (!data) return bad_file("lembar kerja tanpa sheetData");

    SheetRows out;
    std::size_t next_row_number = 1;
    std::size_t cell_count = 0;
    std::size_t text_bytes = 0;  // of every cell so far, shared strings counted at each use
    for (auto row : data.children("row")) {
        if (out.rows.size() >= kMaxSheetRows)
            return bad_file("terlalu banyak baris (paling banyak " + std::to_string(kMaxSheetRows) + ")");
        const std::size_t row_number = row.attribute("r") ? row.attribute("r").as_ullong() : next_row_number;
        next_row_number = row_number + 1;
        std::vector<std::string> cells;
        std::size_t next_column = 0;
        for (auto cell : row.children("c")) {
            std::size_t column = next_column;
            if (auto reference = cell.attribute("r")) {
                auto parsed = column_of_reference(reference.value());
                if (!parsed) return bad_file(std::string("referensi sel tidak valid: ") + reference.value());
                column = *parsed;
            }
            // Cells are kept column-aligned, so one cell in column XFD would cost 16,384 strings.
            if (column >= kMaxImportColumns)
                return bad_file("terlalu banyak kolom (paling banyak " + std::to_string(kMaxImportColumns) + ")");
            if (++cell_count > kMaxImportCells) return bad_file("terlalu banyak sel");
            next_column = column + 1;
            const std::string_view type = cell.attribute("t").value();
            const auto value = cell.child("v");
            std::string text;
            if (type == "s") {
                const auto index = value.text().as_ullong(~0ull);
                if (!value || index >= shared_strings.size()) return bad_file("indeks shared string tidak valid");
                text = shared_strings[index];
            } else if (type == "inlineStr") {
                text = string_item_text(cell.child("is"));
            } else if (type == "b") {
                text = value.text().as_int() ? "TRUE" : "FALSE";
            } else {
                text = value.text().get();  // n, str, e: as written
            }
            if (text.size() > kMaxCellTextBytes) return bad_file("teks sel terlalu panjang (paling banyak 32.767 karakter)");
            text_bytes += text.size();
            if (text_bytes > kMaxSheetTextBytes)
                return bad_file("teks lembar kerja terlalu banyak (paling banyak " + std::to_string(kMaxSheetTextBytes >> 20) + " MB)");
            if (cell.child("f") && !value && type != "inlineStr")
                out.formulas_without_value.push_back(CellPosition{out.rows.size(), column});
            if (cells.size() <= column) cells.resize(column + 1);
            cells[column] = std::move(text);
        }
        out.rows.push_back(std::move(cells));
        out.row_numbers.push_back(row_number);
    }
    return out;
}

}  // namespace kimonet::spreadsheets
