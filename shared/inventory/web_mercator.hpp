#pragma once
// The map's projection (issue 21): standard Web Mercator ("slippy map", EPSG:3857) in pixels of
// 256-pixel tiles, the same whether the operator's tile server draws the background or the app draws
// its own schematic, so markers sit where the tiles put the streets. Tiles are z/x/y as OpenStreetMap
// numbers them: x to the east, y to the south, 2^z tiles per side.
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::inventory {

inline constexpr double kTileSize = 256.0;
inline constexpr double kMaxMercatorLatitude = 85.0511287798066;  // where Web Mercator's square ends
inline constexpr int kMinMapZoom = 2;
inline constexpr int kMaxMapZoom = 19;

struct WorldPoint {
    double x = 0;  // pixels from the antimeridian, eastwards, at the given zoom
    double y = 0;  // pixels from the top (85.05° N), southwards
};

// The world pixel of a coordinate at `zoom` (fractional zooms allowed); latitudes beyond ±85.05° are clamped.
WorldPoint project(double latitude, double longitude, double zoom);
// The inverse: latitude and longitude of a world pixel at `zoom`.
void unproject(WorldPoint point, double zoom, double& latitude, double& longitude);
// A valid tile URL template: https:// (or http:// to 127.0.0.1 or localhost, for a local tile cache)
// with {z}, {x} and {y}, at most 300 characters, no spaces, quotes or angle brackets, and an origin
// tile_origin() accepts.
bool valid_tile_url_template(std::string_view url_template);
// The template with {z}, {x}, {y} (and {s} → "a") replaced.
std::string tile_url(std::string_view url_template, int zoom, int x, int y);
// "https://tile.example.com" of a template: the one origin the app page's Content-Security-Policy
// allows besides its own. A plain host name (letters, digits, dots, hyphens; {s}. at the front
// becomes "a.", as tile_url() asks) and an optional port; empty for anything else (a wildcard, "@"
// credentials, an IP literal in brackets, a percent escape, ";" or ",", another scheme).
std::string tile_origin(std::string_view url_template);

}  // namespace kimonet::inventory
