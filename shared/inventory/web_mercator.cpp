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

// The origin goes into the app page's Content-Security-Policy (server/http/security_headers), so it is
// built only from what a host name may hold: a wildcard, a second source, a directive separator, a
// user name or password, an IP literal in brackets or an escape in it is refused, not repaired.
std::string tile_origin(std::string_view url_template) {
    const bool https = url_template.starts_with("https://");
    if (!https && !url_template.starts_with("http://")) return {};
    const std::size_t host_start = https ? 8 : 7;
    const auto path_start = url_template.find('/', host_start);
    if (path_start == std::string_view::npos) return {};
    std::string authority(url_template.substr(host_start, path_start - host_start));
    // {s} (the a/b/c subdomain some servers use) is always "a" (tile_url), so the origin is one exact host.
    if (authority.starts_with("{s}.")) authority.replace(0, 3, "a");
    std::string host = authority, port;
    if (const auto colon = authority.find(':'); colon != std::string::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::stoi(port) < 1 || std::stoi(port) > 65535)
            return {};
    }
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.' || host.find("..") != std::string::npos) return {};
    for (char& c : host) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return {};
    }
    // Plain http only to this machine (a local tile cache): exactly these host names, not a prefix of another.
    if (!https && host != "127.0.0.1" && host != "localhost") return {};
    return std::string(https ? "https://" : "http://") + host + (port.empty() ? "" : ":" + port);
}

}  // namespace kimonet::inventory
