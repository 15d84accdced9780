#pragma once
// Small text helpers used by validation on both sides (server and browser).
#include <string>
#include <string_view>

namespace kimonet {

std::string trim_copy(std::string_view text);
std::string to_upper_ascii(std::string_view text);
std::string to_lower_ascii(std::string_view text);
// Length in Unicode code points of UTF-8 text (invalid bytes count one each).
std::size_t utf8_length(std::string_view text);
bool is_valid_utf8(std::string_view text);
// True when text holds a control character (C0, DEL, or C1 U+0080..U+009F): NUL, escape
// sequences and the like. `allow_line_breaks` lets tab, line feed and carriage return through
// (addresses, notes, message bodies).
bool has_control_characters(std::string_view text, bool allow_line_breaks);

}  // namespace kimonet
