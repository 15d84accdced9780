#include "core/text.hpp"

#include <cctype>

#include "core/utf8.hpp"

namespace kimonet {

std::string trim_copy(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return std::string(text);
}

std::string to_upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

bool is_valid_utf8(std::string_view text) {
    // Strict, as PostgreSQL and every other strict decoder reads it (no overlong forms, surrogates
    // or code points beyond U+10FFFF): text that passes here is stored and compared, never refused.
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text.substr(i));
        if (length == 0) return false;
        i += length;
    }
    return true;
}

bool has_control_characters(std::string_view text, bool allow_line_breaks) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\t' || c == '\n' || c == '\r') {
            if (!allow_line_breaks) return true;
        } else if (c < 0x20 || c == 0x7F) {
            return true;
        } else if (c == 0xC2 && i + 1 < text.size()) {
            // U+0080..U+009F are encoded C2 80..C2 9F.
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return true;
        }
    }
    return false;
}

}  // namespace kimonet
