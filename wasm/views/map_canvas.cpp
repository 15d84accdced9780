#include "views/map_canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "inventory/web_mercator.hpp"
#include "ui_registry.hpp"
#include "widgets/theme.hpp"

namespace kimonet::map_canvas {

namespace {

using inventory::project;

inventory::WorldPoint world_of(double latitude, double longitude, double zoom) { return project(latitude, longitude, zoom); }

float marker_radius(const api::MapMarker& marker, float scale) {
    if (marker.kind == "customer") return 6.f * scale;
    if (marker.kind == "odp") return 7.f * scale;
    return 9.f * scale;
}

void draw_marker_shape(ImDrawList& draw, const api::MapMarker& marker, ImVec2 at, float radius, bool selected) {
    const ImU32 fill = marker_color(marker);
    const ImU32 edge = selected ? widgets::colors::kText : IM_COL32(255, 255, 255, 255);
    const float edge_width = selected ? 3.f : 1.5f;
    if (marker.kind == "router" || marker.kind == "odc") {
        draw.AddRectFilled(ImVec2(at.x - radius, at.y - radius), ImVec2(at.x + radius, at.y + radius), fill, 2.f);
        draw.AddRect(ImVec2(at.x - radius, at.y - radius), ImVec2(at.x + radius, at.y + radius), edge, 2.f, 0, edge_width);
    } else if (marker.kind == "olt") {
        const ImVec2 top(at.x, at.y - radius * 1.2f), left(at.x - radius * 1.1f, at.y + radius * 0.8f), right(at.x + radius * 1.1f, at.y + radius * 0.8f);
        draw.AddTriangleFilled(top, left, right, fill);
        draw.AddTriangle(top, left, right, edge, edge_width);
    } else {
        draw.AddCircleFilled(at, radius, fill);
        draw.AddCircle(at, radius, edge, 0, edge_width);
    }
    if (marker.ticket_open) draw.AddCircle(at, radius + 4.f, widgets::colors::kDanger, 0, 2.f);
}

}  // namespace

ImVec2 screen_position(const Camera& camera, double latitude, double longitude, ImVec2 origin, ImVec2 size, float scale) {
    const auto point = world_of(latitude, longitude, camera.zoom);
    const auto centre = world_of(camera.latitude, camera.longitude, camera.zoom);
    return ImVec2(origin.x + size.x * 0.5f + static_cast<float>((point.x - centre.x) * scale),
                  origin.y + size.y * 0.5f + static_cast<float>((point.y - centre.y) * scale));
}

Camera fitted_camera(const std::vector<api::MapMarker>& markers, ImVec2 size, float scale) {
    if (markers.empty()) return Camera{};
    double min_x = 1e18, min_y = 1e18, max_x = -1e18, max_y = -1e18;
    for (const auto& marker : markers) {
        const auto point = world_of(marker.location.latitude, marker.location.longitude, 0);
        min_x = std::min(min_x, point.x), max_x = std::max(max_x, point.x);
        min_y = std::min(min_y, point.y), max_y = std::max(max_y, point.y);
    }
    Camera camera;
    inventory::unproject({(min_x + max_x) / 2, (min_y + max_y) / 2}, 0, camera.latitude, camera.longitude);
    const double width = std::max(1.0, static_cast<double>(size.x) / scale - 48), height = std::max(1.0, static_cast<double>(size.y) / scale - 48);
    const double span_x = max_x - min_x, span_y = max_y - min_y;
    if (span_x <= 0 && span_y <= 0) camera.zoom = 16;
    else camera.zoom = std::floor(std::log2(std::min(span_x > 0 ? width / span_x : 1e12, span_y > 0 ? height / span_y : 1e12)) * 4) / 4;
    camera.zoom = std::clamp(camera.zoom, static_cast<double>(inventory::kMinMapZoom), 18.0);
    return camera;
}

Camera panned(const Camera& camera, ImVec2 delta, float scale) {
    auto centre = world_of(camera.latitude, camera.longitude, camera.zoom);
    centre.x -= delta.x / scale;
    centre.y -= delta.y / scale;
    Camera moved = camera;
    inventory::unproject(centre, camera.zoom, moved.latitude, moved.longitude);
    moved.latitude = std::clamp(moved.latitude, -inventory::kMaxMercatorLatitude, inventory::kMaxMercatorLatitude);
    moved.longitude = std::clamp(moved.longitude, -180.0, 180.0);
    return moved;
}

Camera zoomed(const Camera& camera, double steps, ImVec2 anchor, ImVec2 origin, ImVec2 size, float scale) {
    Camera next = camera;
    next.zoom = std::clamp(camera.zoom + steps, static_cast<double>(inventory::kMinMapZoom), static_cast<double>(inventory::kMaxMapZoom));
    // The coordinate under the anchor before, then the camera moved so it is under the anchor after.
    const auto centre = world_of(camera.latitude, camera.longitude, camera.zoom);
    const inventory::WorldPoint under{centre.x + (anchor.x - origin.x - size.x * 0.5) / scale, centre.y + (anchor.y - origin.y - size.y * 0.5) / scale};
    double latitude = 0, longitude = 0;
    inventory::unproject(under, camera.zoom, latitude, longitude);
    const auto after = world_of(latitude, longitude, next.zoom);
    const inventory::WorldPoint new_centre{after.x - (anchor.x - origin.x - size.x * 0.5) / scale, after.y - (anchor.y - origin.y - size.y * 0.5) / scale};
    inventory::unproject(new_centre, next.zoom, next.latitude, next.longitude);
    return next;
}

ImU32 marker_color(const api::MapMarker& marker) {
    if (marker.kind == "customer") {
        if (marker.ticket_open) return widgets::colors::kDanger;
        if (marker.status == "active") return widgets::colors::kSuccess;
        if (marker.status == "isolated") return IM_COL32(230, 120, 0, 255);
        return IM_COL32(140, 148, 160, 255);
    }
    if (marker.kind == "router") {
        if (marker.status == "online") return widgets::colors::kSuccess;
        if (marker.status == "offline") return widgets::colors::kDanger;
        return IM_COL32(140, 148, 160, 255);
    }
    if (marker.kind == "olt") return IM_COL32(109, 40, 217, 255);
    if (marker.kind == "odc") return widgets::colors::kAccent;
    if (marker.status == "full") return widgets::colors::kDanger;
    return IM_COL32(13, 148, 136, 255);  // an ODP with free ports
}

void draw_schematic(ImDrawList& draw, const Camera& camera, ImVec2 origin, ImVec2 size, float scale) {
    draw.AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(236, 241, 236, 255));
    // The tile grid of the whole zoom level below the camera's: what a tile server would fill.
    const double level = std::floor(camera.zoom);
    const double tile = inventory::kTileSize * std::pow(2.0, camera.zoom - level) * scale;
    const auto centre = world_of(camera.latitude, camera.longitude, camera.zoom);
    const double left = centre.x * scale - size.x * 0.5, top = centre.y * scale - size.y * 0.5;
    const ImU32 line = IM_COL32(214, 222, 214, 255);
    for (double x = std::floor(left / tile) * tile; x <= left + size.x; x += tile)
        draw.AddLine(ImVec2(origin.x + static_cast<float>(x - left), origin.y), ImVec2(origin.x + static_cast<float>(x - left), origin.y + size.y), line);
    for (double y = std::floor(top / tile) * tile; y <= top + size.y; y += tile)
        draw.AddLine(ImVec2(origin.x, origin.y + static_cast<float>(y - top)), ImVec2(origin.x + size.x, origin.y + static_cast<float>(y - top)), line);
}

std::optional<std::size_t> draw_markers(ImDrawList& draw, const std::vector<api::MapMarker>& markers, std::optional<std::size_t> selected,
                                        const Camera& camera, ImVec2 origin, ImVec2 size, float scale, ImVec2 pointer) {
    std::map<std::pair<std::string, std::int64_t>, ImVec2> placed;
    std::vector<ImVec2> positions;
    positions.reserve(markers.size());
    for (const auto& marker : markers) {
        positions.push_back(screen_position(camera, marker.location.latitude, marker.location.longitude, origin, size, scale));
        placed[{marker.kind, marker.id}] = positions.back();
    }
    for (std::size_t index = 0; index < markers.size(); ++index) {
        const auto& marker = markers[index];
        if (marker.parent_kind.empty()) continue;
        const auto parent = placed.find({marker.parent_kind, marker.parent_id});
        if (parent == placed.end()) continue;
        const bool drop = marker.kind == "customer";
        draw.AddLine(positions[index], parent->second, drop ? IM_COL32(120, 130, 150, 150) : IM_COL32(60, 70, 95, 200), (drop ? 1.f : 2.f) * scale);
    }
    std::optional<std::size_t> nearest;
    float nearest_distance = 16.f * scale;
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    for (std::size_t index = 0; index < markers.size(); ++index) {
        const auto& marker = markers[index];
        const ImVec2 at = positions[index];
        const float radius = marker_radius(marker, scale);
        if (at.x < origin.x - radius || at.y < origin.y - radius || at.x > end.x + radius || at.y > end.y + radius) continue;
        draw_marker_shape(draw, marker, at, radius, selected == index);
        ui_registry::record_rect("marker", "map.marker." + marker.kind + "." + std::to_string(marker.id), marker.name,
                                 marker.ticket_open ? "ticket_open" : marker.status, ImVec2(at.x - radius, at.y - radius),
                                 ImVec2(at.x + radius, at.y + radius));
        const float distance = std::hypot(pointer.x - at.x, pointer.y - at.y);
        if (distance <= nearest_distance) {
            nearest_distance = distance;
            nearest = index;
        }
    }
    return nearest;
}

}  // namespace kimonet::map_canvas
