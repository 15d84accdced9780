#pragma once
// The slippy-map tiles under the map (issue 21): which z/x/y tiles of the operator's tile server a
// camera sees, and where each is drawn. The same Web Mercator as web_mercator.hpp (256-pixel tiles,
// x to the east, y to the south, 2^z tiles per side, OpenStreetMap's numbering). Pure arithmetic; the
// browser glue fetches the tiles (wasm/platform/map_tile_loader.*), the map view draws them.
#include <compare>

#include "inventory/web_mercator.hpp"

namespace kimonet::inventory {

struct TileId {
    int zoom = 0;
    int x = 0;  // 0 … 2^zoom − 1, eastwards from the antimeridian
    int y = 0;  // 0 … 2^zoom − 1, southwards from 85.05° N
    auto operator<=>(const TileId&) const = default;
};

// The tile holding a coordinate at a whole `zoom` (latitudes beyond ±85.05° clamped, the east edge
// kept in the last tile).
TileId tile_at(double latitude, double longitude, int zoom);
// The latitude and longitude of a tile's north-west corner.
void tile_corner(const TileId& tile, double& latitude, double& longitude);
// The whole tile level drawn for a fractional camera zoom: the nearest one within kMinMapZoom … kMaxMapZoom.
int tile_zoom_for(double camera_zoom);

// A rectangle of tiles of one level, inclusive; empty when min > max.
struct TileRange {
    int zoom = 0;
    int min_x = 0, max_x = -1, min_y = 0, max_y = -1;
    bool empty() const { return min_x > max_x || min_y > max_y; }
    int count() const { return empty() ? 0 : (max_x - min_x + 1) * (max_y - min_y + 1); }
};
// The tiles of level `tile_zoom` that cover a view `width` × `height` CSS px centred on
// (latitude, longitude) at `camera_zoom`, clipped to the world (no wrapping at the antimeridian).
TileRange visible_tiles(double latitude, double longitude, double camera_zoom, double width, double height, int tile_zoom);
// A tile's north-west corner in world pixels at `camera_zoom`, and its side there (256 · 2^(camera − tile)).
WorldPoint tile_top_left(const TileId& tile, double camera_zoom);
double tile_side(int tile_zoom, double camera_zoom);

}  // namespace kimonet::inventory
