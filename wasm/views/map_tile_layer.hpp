#pragma once
// The operator's map tiles under the network (issue 21): each frame the tiles the camera sees
// (inventory/map_tiles.hpp) are drawn from textures the browser loaded (platform/map_tile_loader),
// a tile still loading shows a loaded tile of a lower level scaled up (or the schematic's ground),
// and the tile server's credit is written in the map's bottom-right corner.
//
// The cache is bounded by count and by bytes (the textures' width × height × 4): past either, the
// tiles seen longest ago go first, never one on screen now; a tile that stops being visible while
// it loads is dropped; at most kMaxLoading requests run at once. A failed tile is not asked again
// while it stays cached (a broken server costs one request per tile, not one per frame).
// Registry: "map.tiles" (value "drawn=D loading=L cached=C bytes=B") and "map.attribution".
#include <cstdint>
#include <map>
#include <string>

#include "imgui.h"
#include "inventory/map_tiles.hpp"
#include "platform/map_tile_loader.hpp"
#include "views/map_canvas.hpp"

namespace kimonet::map_canvas {

class MapTileLayer {
public:
    static constexpr std::size_t kMaxTiles = 160;
    static constexpr std::int64_t kMaxBytes = std::int64_t{40} << 20;
    static constexpr std::size_t kMaxLoading = 8;

    MapTileLayer() = default;
    MapTileLayer(const MapTileLayer&) = delete;
    MapTileLayer& operator=(const MapTileLayer&) = delete;
    ~MapTileLayer() { clear(); }

    // Draws the tiles of `url_template` (a valid map_tile_url) for `camera` on the canvas at
    // `origin` of `size` device px.
    void draw(ImDrawList& draw, const std::string& url_template, const Camera& camera, ImVec2 origin, ImVec2 size, float scale);
    // Releases every tile (another template, or the screen left).
    void clear();

    std::size_t cached() const { return m_tiles.size(); }
    std::int64_t bytes() const { return m_bytes; }

private:
    struct Entry {
        int handle = 0;
        platform::TileLoadState state = platform::TileLoadState::Loading;
        std::int64_t bytes = 0;
        std::uint64_t last_used = 0;  // the frame it was last wanted on screen
    };

    void poll();
    // Frees tiles not used this frame, least recently used first, until both bounds hold with `room`
    // more tiles (1: before asking for a new one).
    void evict(std::size_t room);
    // A loaded tile (itself, or the nearest lower level covering it, with its part) to draw; false: none.
    bool texture_for(const inventory::TileId& tile, ImTextureID& texture, ImVec2& uv_min, ImVec2& uv_max);

    std::map<inventory::TileId, Entry> m_tiles;
    std::string m_template;
    std::int64_t m_bytes = 0;
    std::uint64_t m_frame = 0;
};

// The tile server's credit in the canvas's bottom-right corner, over the tiles and the markers.
void draw_attribution(ImDrawList& draw, const std::string& attribution, ImVec2 origin, ImVec2 size, float scale);

}  // namespace kimonet::map_canvas
