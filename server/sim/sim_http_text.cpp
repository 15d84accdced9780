// Percent-encoding (RFC 3986), application/x-www-form-urlencoded bodies and query strings (WHATWG URL
// standard, "application/x-www-form-urlencoded parsing"), and Basic credentials (RFC 7617).
#include <algorithm>

#include "sim/sim_crypto.hpp"
#include "sim/sim_http.hpp"

namespace kimonet::sim {

std::string url_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char c = text[index];
        if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else if (c == '%' && index + 2 < text.size() && hex_digit_value(text[index + 1]) >= 0 && hex_digit_value(text[index + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_digit_value(text[index + 1]) * 16 + hex_digit_value(text[index + 2])));
            index += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string url_encode(std::string_view text) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 0x0F]);
        }
    }
    return out;
}

std::map<std::string, std::string> parse_form(std::string_view text) {
    std::map<std::string, std::string> out;
    while (!text.empty()) {
        const auto amp = text.find('&');
        const std::string_view pair = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (pair.empty()) continue;
        const auto equals = pair.find('=');
        out[url_decode(pair.substr(0, equals))] = equals == std::string_view::npos ? std::string() : url_decode(pair.substr(equals + 1));
    }
    return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out.push_back('&');
        out += url_encode(name) + "=" + url_encode(value);
    }
    return out;
}

std::optional<std::pair<std::string, std::string>> basic_credentials(std::string_view authorization) {
    // RFC 7617 §2: the scheme name is case-insensitive, then one space and token68.
    if (authorization.size() < 6 || lower_ascii(std::string(authorization.substr(0, 6))) != "basic ") return std::nullopt;
    const auto decoded = base64_decode(authorization.substr(std::min(authorization.size(), authorization.find_first_not_of(' ', 6))));
    if (!decoded) return std::nullopt;
    const auto colon = decoded->find(':');
    if (colon == std::string::npos) return std::nullopt;
    return std::pair{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

}  // namespace kimonet::sim
