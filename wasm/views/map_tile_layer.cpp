#include "views/map_tile_layer.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "platform/frame_pacing.hpp"
#include "ui_registry.hpp"
#include "widgets/theme.hpp"

namespace kimonet::map_canvas {

void MapTileLayer::clear() {
    for (const auto& [tile, entry] : m_tiles) platform::release_tile(entry.handle);
    m_tiles.clear();
    m_bytes = 0;
}

void MapTileLayer::poll() {
    for (auto& [tile, entry] : m_tiles) {
        if (entry.state != platform::TileLoadState::Loading) continue;
        entry.state = platform::tile_load_state(entry.handle);
        if (entry.state == platform::TileLoadState::Ready) {
            entry.bytes = platform::tile_texture_bytes(entry.handle);
            m_bytes += entry.bytes;
        }
    }
}

void MapTileLayer::evict(std::size_t room) {
    while (m_tiles.size() + room > kMaxTiles || m_bytes > kMaxBytes) {
        auto oldest = m_tiles.end();
        for (auto it = m_tiles.begin(); it != m_tiles.end(); ++it)
            if (it->second.last_used < m_frame && (oldest == m_tiles.end() || it->second.last_used < oldest->second.last_used)) oldest = it;
        if (oldest == m_tiles.end()) return;  // everything cached is on screen now
        platform::release_tile(oldest->second.handle);
        m_bytes -= oldest->second.bytes;
        m_tiles.erase(oldest);
    }
}

bool MapTileLayer::texture_for(const inventory::TileId& tile, ImTextureID& texture, ImVec2& uv_min, ImVec2& uv_max) {
    // Up to four levels below: a 16 × 16 part of a tile scaled up is still a recognisable street map.
    for (int up = 0; up <= 4 && tile.zoom - up >= 0; ++up) {
        const inventory::TileId parent{tile.zoom - up, tile.x >> up, tile.y >> up};
        const auto found = m_tiles.find(parent);
        if (found == m_tiles.end() || found->second.state != platform::TileLoadState::Ready) continue;
        found->second.last_used = m_frame;
        texture = platform::tile_texture(found->second.handle);
        const float part = 1.f / static_cast<float>(1 << up);
        uv_min = ImVec2(static_cast<float>(tile.x & ((1 << up) - 1)) * part, static_cast<float>(tile.y & ((1 << up) - 1)) * part);
        uv_max = ImVec2(uv_min.x + part, uv_min.y + part);
        return true;
    }
    return false;
}

void MapTileLayer::draw(ImDrawList& draw, const std::string& url_template, const Camera& camera, ImVec2 origin, ImVec2 size, float scale) {
    if (url_template != m_template) {
        clear();
        m_template = url_template;
    }
    ++m_frame;
    poll();
    draw.AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(236, 241, 236, 255));
    const int level = inventory::tile_zoom_for(camera.zoom);
    const auto range = inventory::visible_tiles(camera.latitude, camera.longitude, camera.zoom, size.x / scale, size.y / scale, level);
    const auto centre = inventory::project(camera.latitude, camera.longitude, camera.zoom);
    const float side = static_cast<float>(inventory::tile_side(level, camera.zoom)) * scale;
    // The tiles on screen this frame: those to draw, and (centre first) those still to ask for.
    std::vector<inventory::TileId> visible;
    for (int y = range.min_y; y <= range.max_y && !range.empty(); ++y)
        for (int x = range.min_x; x <= range.max_x; ++x) visible.push_back({level, x, y});
    const double middle_x = (range.min_x + range.max_x) / 2.0, middle_y = (range.min_y + range.max_y) / 2.0;
    std::stable_sort(visible.begin(), visible.end(), [&](const inventory::TileId& a, const inventory::TileId& b) {
        return std::hypot(a.x - middle_x, a.y - middle_y) < std::hypot(b.x - middle_x, b.y - middle_y);
    });
    for (const auto& tile : visible)
        if (const auto found = m_tiles.find(tile); found != m_tiles.end()) found->second.last_used = m_frame;
    // A tile that left the screen while loading is not waited for.
    for (auto it = m_tiles.begin(); it != m_tiles.end();) {
        if (it->second.state == platform::TileLoadState::Loading && it->second.last_used < m_frame) {
            platform::release_tile(it->second.handle);
            it = m_tiles.erase(it);
        } else {
            ++it;
        }
    }
    std::size_t loading = 0;
    for (const auto& [tile, entry] : m_tiles) loading += entry.state == platform::TileLoadState::Loading ? 1 : 0;
    int drawn = 0;
    for (const auto& tile : visible) {
        if (!m_tiles.contains(tile) && loading < kMaxLoading) {
            evict(1);
            if (m_tiles.size() < kMaxTiles) {
                m_tiles[tile] = Entry{platform::start_tile_load(inventory::tile_url(url_template, tile.zoom, tile.x, tile.y)),
                                      platform::TileLoadState::Loading, 0, m_frame};
                ++loading;
            }
        }
        ImTextureID texture{};
        ImVec2 uv_min, uv_max;
        if (!texture_for(tile, texture, uv_min, uv_max)) continue;
        const auto corner = inventory::tile_top_left(tile, camera.zoom);
        const ImVec2 at(origin.x + size.x * 0.5f + static_cast<float>((corner.x - centre.x) * scale),
                        origin.y + size.y * 0.5f + static_cast<float>((corner.y - centre.y) * scale));
        draw.AddImage(texture, at, ImVec2(at.x + side, at.y + side), uv_min, uv_max);
        ++drawn;
    }
    evict(0);
    if (loading > 0) platform::note_activity();  // the frames that show each tile as it arrives
    ui_registry::record_rect("map", "map.tiles", {},
                             "drawn=" + std::to_string(drawn) + " loading=" + std::to_string(loading) + " cached=" + std::to_string(m_tiles.size()) +
                                 " bytes=" + std::to_string(m_bytes),
                             origin, ImVec2(origin.x + size.x, origin.y + size.y));
}

void draw_attribution(ImDrawList& draw, const std::string& attribution, ImVec2 origin, ImVec2 size, float scale) {
    if (attribution.empty()) return;
    // The credit, bottom right on a light band, as tile providers ask.
    const float font_size = ImGui::GetFontSize() * 0.8f;
    const ImVec2 text = ImGui::GetFont()->CalcTextSizeA(font_size, size.x - 8.f * scale, 0.f, attribution.c_str());
    const ImVec2 max(origin.x + size.x, origin.y + size.y);
    const ImVec2 min(max.x - text.x - 8.f * scale, max.y - text.y - 4.f * scale);
    draw.AddRectFilled(min, max, IM_COL32(255, 255, 255, 210));
    const ImVec2 text_at(min.x + 4.f * scale, min.y + 2.f * scale);
    draw.AddText(ImGui::GetFont(), font_size, text_at, widgets::colors::kText, attribution.c_str(), nullptr, size.x - 8.f * scale);
    ui_registry::record_rect("text", "map.attribution", attribution, {}, min, max);
    ui_registry::set_text_layout(text_at, size.x - 8.f * scale);
}

}  // namespace kimonet::map_canvas
