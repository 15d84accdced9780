#pragma once
// The map screen's drawing (issue 21): a camera over Web Mercator (inventory/web_mercator.hpp, the
// projection a z/x/y tile server uses), the schematic background, the lines customer → ODP → ODC →
// OLT → router and the markers in their status colours. Pure drawing and arithmetic; ViewMap owns the
// data and the input. Every marker drawn is reported to the registry as "map.marker.<kind>.<id>"
// (value: its status), and the camera as "map.canvas" (value: "zoom=Z center=LAT,LON").
#include <optional>
#include <string>
#include <vector>

#include "api/inventory_dto.hpp"
#include "imgui.h"

namespace kimonet::map_canvas {

struct Camera {
    double latitude = -2.5;  // the canvas's centre
    double longitude = 118.0;
    double zoom = 4.0;
};

// Where a coordinate is drawn on a canvas at `origin` of `size` (device px, `scale` device px per CSS px).
ImVec2 screen_position(const Camera& camera, double latitude, double longitude, ImVec2 origin, ImVec2 size, float scale);
// The camera that shows every marker with a margin (a lone marker: zoom 16; none: Indonesia).
Camera fitted_camera(const std::vector<api::MapMarker>& markers, ImVec2 size, float scale);
// The camera moved by `delta` device px (dragging the map moves the world with the finger).
Camera panned(const Camera& camera, ImVec2 delta, float scale);
// The camera zoomed by `steps` (fractional), keeping the coordinate under `anchor` where it is.
Camera zoomed(const Camera& camera, double steps, ImVec2 anchor, ImVec2 origin, ImVec2 size, float scale);

// A marker's fill colour: customers by status (active green, isolated orange, inactive grey; an open
// ticket red), routers by reachability (online green, offline red, unknown grey), a full ODP red,
// other network items by kind.
ImU32 marker_color(const api::MapMarker& marker);

// The background: a light schematic with the tile grid of the current zoom (no tile server asked).
void draw_schematic(ImDrawList& draw, const Camera& camera, ImVec2 origin, ImVec2 size, float scale);
// Lines to parents, then markers; each visible marker reported to the registry. Returns the index
// of the marker nearest `pointer` within the touch radius, if any.
std::optional<std::size_t> draw_markers(ImDrawList& draw, const std::vector<api::MapMarker>& markers, std::optional<std::size_t> selected,
                                        const Camera& camera, ImVec2 origin, ImVec2 size, float scale, ImVec2 pointer);

}  // namespace kimonet::map_canvas
