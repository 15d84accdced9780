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

}  // namespace kimonet
