#pragma once
// CSV as Excel reads and writes it (RFC 4180: quotes doubled, fields with separators, quotes
// or line breaks quoted), and the text decoding rules for uploaded spreadsheets. Pure.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field, quoted when needed. Text starting with = + - @ is prefixed with ' so that Excel
// shows it instead of evaluating it (CSV formula injection); `text_cell` = false for numbers.
std::string csv_field(std::string_view value, bool text_cell = true);
// Appends the fields joined by commas and a CRLF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields, const std::vector<bool>& text_cells = {});

// How uploaded text was decoded.
enum class TextEncoding { Utf8, Windows1252 };
std::string_view to_string(TextEncoding encoding);

struct DecodedText {
    std::string text;  // UTF-8 without BOM
    TextEncoding encoding = TextEncoding::Utf8;
};

// UTF-8 (with or without BOM) is taken as is. Bytes that are not valid UTF-8 are read as
// Windows-1252 (what Excel's "CSV (Comma delimited)" writes on Indonesian Windows) and converted.
// UTF-16/32 (a BOM or NUL bytes) and binary files are refused with a clear error.
Result<DecodedText> decode_spreadsheet_text(std::string_view bytes);

// Parses CSV text into rows of fields. The separator is detected from the first line
// (',' ';' or tab, whichever occurs most outside quotes). Blank lines stay as rows of one empty
// field, so row numbers match the lines a spreadsheet shows.
// An unterminated quote is an error naming the line.
// Limits bound the memory a hostile file can take (a line of 16,000 separators is 16,000
// fields): exceeding one is a 422 on field "file" as soon as it is seen, before more is held.
struct CsvLimits {
    std::size_t max_columns = static_cast<std::size_t>(-1);
    std::size_t max_rows = static_cast<std::size_t>(-1);
};
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, const CsvLimits& limits = {});

}  // namespace kimonet
