#include "inventory/web_mercator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kimonet::inventory {

namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

}  // namespace

WorldPoint project(double latitude, double longitude, double zoom) {
    const double world = kTileSize * std::pow(2.0, zoom);
    const double clamped = std::clamp(latitude, -kMaxMercatorLatitude, kMaxMercatorLatitude) * std::numbers::pi / 180.0;
    const double x = (longitude + 180.0) / 360.0 * world;
    const double y = (1.0 - std::log(std::tan(clamped) + 1.0 / std::cos(clamped)) / std::numbers::pi) / 2.0 * world;
    return {x, y};
}

void unproject(WorldPoint point, double zoom, double& latitude, double& longitude) {
    const double world = kTileSize * std::pow(2.0, zoom);
    longitude = point.x / world * 360.0 - 180.0;
    const double n = std::numbers::pi * (1.0 - 2.0 * point.y / world);
    latitude = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
}

bool valid_tile_url_template(std::string_view url_template) {
    if (url_template.size() > 300) return false;
    const bool https = url_template.starts_with("https://");
    const bool loopback = url_template.starts_with("http://127.0.0.1") || url_template.starts_with("http://localhost");
    if (!https && !loopback) return false;
    for (const char c : url_template)
        if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == 0x7f) return false;
    if (tile_origin(url_template).empty()) return false;
    return url_template.find("{z}") != std::string_view::npos && url_template.find("{x}") != std::string_view::npos &&
           url_template.find("{y}") != std::string_view::npos;
}

std::string tile_url(std::string_view url_template, int zoom, int x, int y) {
    std::string url(url_template);
    replace_all(url, "{z}", std::to_string(zoom));
    replace_all(url, "{x}", std::to_string(x));
    replace_all(url, "{y}", std::to_string(y));
    replace_all(url, "{s}", "a");
    return url;
}

std::string tile_origin(std::string_view url_template) {
    const auto scheme_end = url_template.find("://");
    if (scheme_end == std::string_view::npos) return {};
    const auto host_start = scheme_end + 3;
    const auto path_start = url_template.find('/', host_start);
    const std::string_view origin = url_template.substr(0, path_start);
    if (origin.size() <= host_start) return {};
    const std::string_view host = origin.substr(host_start);
    if (host.find('{') != std::string_view::npos && host.find("{s}") == std::string_view::npos) return {};
    if (host.find('@') != std::string_view::npos) return {};
    std::string out(origin);
    replace_all(out, "{s}", "*");
    return out;
}

}  // namespace kimonet::inventory
