#include "http/html.hpp"

#include "core/date.hpp"

namespace kimonet::http {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string indonesian_period(const std::string& text) {
    auto period = kimonet::parse_period(text);
    return period ? kimonet::format_period_indonesian(*period) : text;
}

std::string indonesian_date(const std::string& text) {
    auto date = kimonet::parse_date(text);
    return date ? kimonet::format_date_indonesian(*date) : text;
}

}  // namespace kimonet::http
