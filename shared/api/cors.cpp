#include "api/cors.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace kimonet::api {

namespace {

std::string normalize_origin(std::string_view entry) {
    std::string origin = to_lower_ascii(trim_copy(entry));
    if (origin.ends_with('/')) origin.pop_back();
    return origin;
}

bool is_valid_origin(std::string_view origin) {
    std::string_view rest;
    if (origin.starts_with("https://")) rest = origin.substr(8);
    else if (origin.starts_with("http://")) rest = origin.substr(7);
    else return false;
    if (rest.empty()) return false;
    const auto colon = rest.find(':');
    const std::string_view host = rest.substr(0, colon);
    if (host.empty()) return false;
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return false;
    if (colon == std::string_view::npos) return true;
    const std::string_view port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    int value = 0;
    for (char c : port) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return value >= 1 && value <= 65535;
}

}  // namespace

std::vector<std::string> parse_allowed_origins(std::string_view text) {
    std::vector<std::string> origins;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string_view::npos ? text.size() : comma;
        if (std::string origin = normalize_origin(text.substr(start, end - start)); !origin.empty()) origins.push_back(origin);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return origins;
}

std::optional<std::string> allowed_origins_problem(std::string_view text) {
    for (const auto& origin : parse_allowed_origins(text))
        if (!is_valid_origin(origin)) return "origin tidak valid: " + origin + " (contoh https://kimonet.id, tanpa path)";
    return std::nullopt;
}

bool is_origin_allowed(const std::vector<std::string>& allowed, std::string_view origin) {
    if (origin.empty()) return false;
    const std::string wanted = to_lower_ascii(origin);
    return std::find(allowed.begin(), allowed.end(), wanted) != allowed.end();
}

}  // namespace kimonet::api
