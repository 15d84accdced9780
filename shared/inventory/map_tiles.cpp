#include "inventory/map_tiles.hpp"

#include <algorithm>
#include <cmath>

namespace kimonet::inventory {

namespace {

int clamped_tile_index(double index, int zoom) {
    const double last = std::ldexp(1.0, zoom) - 1;
    return static_cast<int>(std::clamp(std::floor(index), 0.0, last));
}

}  // namespace

TileId tile_at(double latitude, double longitude, int zoom) {
    const WorldPoint point = project(latitude, longitude, zoom);
    return {zoom, clamped_tile_index(point.x / kTileSize, zoom), clamped_tile_index(point.y / kTileSize, zoom)};
}

void tile_corner(const TileId& tile, double& latitude, double& longitude) {
    unproject({tile.x * kTileSize, tile.y * kTileSize}, tile.zoom, latitude, longitude);
}

int tile_zoom_for(double camera_zoom) {
    if (!std::isfinite(camera_zoom)) return kMinMapZoom;
    return static_cast<int>(std::clamp(std::lround(camera_zoom), static_cast<long>(kMinMapZoom), static_cast<long>(kMaxMapZoom)));
}

TileRange visible_tiles(double latitude, double longitude, double camera_zoom, double width, double height, int tile_zoom) {
    TileRange range;
    range.zoom = tile_zoom;
    if (!(width > 0) || !(height > 0) || !std::isfinite(camera_zoom)) return range;
    // The view's corners in world pixels of the tile level.
    const double factor = std::exp2(tile_zoom - camera_zoom);
    const WorldPoint centre = project(latitude, longitude, tile_zoom);
    const double half_width = width * 0.5 * factor, half_height = height * 0.5 * factor;
    const double world = kTileSize * std::exp2(tile_zoom);
    const double left = std::max(0.0, centre.x - half_width), right = std::min(world, centre.x + half_width);
    const double top = std::max(0.0, centre.y - half_height), bottom = std::min(world, centre.y + half_height);
    if (left >= right || top >= bottom) return range;
    range.min_x = clamped_tile_index(left / kTileSize, tile_zoom);
    range.min_y = clamped_tile_index(top / kTileSize, tile_zoom);
    // A right or bottom edge exactly on a tile boundary does not reach into the next tile.
    range.max_x = clamped_tile_index(std::ceil(right / kTileSize) - 1, tile_zoom);
    range.max_y = clamped_tile_index(std::ceil(bottom / kTileSize) - 1, tile_zoom);
    return range;
}

WorldPoint tile_top_left(const TileId& tile, double camera_zoom) {
    const double side = tile_side(tile.zoom, camera_zoom);
    return {tile.x * side, tile.y * side};
}

double tile_side(int tile_zoom, double camera_zoom) { return kTileSize * std::exp2(camera_zoom - tile_zoom); }

}  // namespace kimonet::inventory
