#include "views/view_map.hpp"

#include <cmath>
#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "inventory/web_mercator.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

namespace {

using i18n::tr;
using platform::display;

std::string camera_text(const map_canvas::Camera& camera) {
    char text[96];
    std::snprintf(text, sizeof text, "zoom=%.2f center=%.6f,%.6f", camera.zoom, camera.latitude, camera.longitude);
    return text;
}

std::string marker_status_text(const api::MapMarker& marker) {
    if (marker.ticket_open) return tr("map.status.ticket_open");
    if (marker.status.empty()) return {};
    return tr("map.status." + marker.status);
}

}  // namespace

void ViewMap::enter(App&) {
    m_selected.reset();
    m_fitted = false;
    api_client().get("/api/map", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_map = api::network_map_from_json(response.body);
        m_fitted = false;
        m_selected.reset();
    });
}

void ViewMap::draw_canvas(App&) {
    const float scale = display().px(1.f);
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float height = display().compact() ? std::max(display().px(320.f), available.y * 0.6f) : std::max(display().px(420.f), available.y - display().px(150.f));
    const ImVec2 size(std::max(available.x, display().px(200.f)), height);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (m_loaded && !m_fitted) {
        m_camera = map_canvas::fitted_camera(m_map.markers, size, scale);
        m_fitted = true;
    }
    ImGui::InvisibleButton("map.canvas", size);
    ui_registry::record("map", "map.canvas", tr("map.title"), camera_text(m_camera));
    const ImGuiIO& io = ImGui::GetIO();
    // Dragging pans by the pointer's movement since the last frame it was held, measured from the
    // press: the frame of the press itself may carry the jump from wherever the pointer was before
    // (a tap lands anywhere), which is not a drag.
    if (ImGui::IsItemActivated()) {
        m_press_at = m_drag_from = io.MousePos;
        m_dragged = false;
    } else if (ImGui::IsItemActive() && (io.MousePos.x != m_drag_from.x || io.MousePos.y != m_drag_from.y)) {
        m_camera = map_canvas::panned(m_camera, ImVec2(io.MousePos.x - m_drag_from.x, io.MousePos.y - m_drag_from.y), scale);
        m_drag_from = io.MousePos;
        if (std::hypot(io.MousePos.x - m_press_at.x, io.MousePos.y - m_press_at.y) > 6.f * scale) m_dragged = true;
    }
    if (ImGui::IsItemHovered() && io.MouseWheel != 0.f) m_camera = map_canvas::zoomed(m_camera, io.MouseWheel * 0.5, io.MousePos, origin, size, scale);
    const bool released_here = ImGui::IsItemDeactivated() && !m_dragged;

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    const bool tiled = inventory::valid_tile_url_template(m_map.tile_url);
    if (tiled) m_tiles.draw(draw, m_map.tile_url, m_camera, origin, size, scale);
    else map_canvas::draw_schematic(draw, m_camera, origin, size, scale);
    const auto nearest = map_canvas::draw_markers(draw, m_map.markers, m_selected, m_camera, origin, size, scale, io.MousePos);
    if (tiled) map_canvas::draw_attribution(draw, m_map.tile_attribution, origin, size, scale);
    draw.PopClipRect();
    draw.AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), widgets::colors::kBorder);
    if (released_here) m_selected = nearest;
}

void ViewMap::draw_selected() {
    if (!m_selected || *m_selected >= m_map.markers.size()) return;
    const auto& marker = m_map.markers[*m_selected];
    if (widgets::begin_card("map.selected")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "map.selected.title", tr("map.kind." + marker.kind) + std::string(" · ") + marker.name);
        ImGui::PopFont();
        if (!marker.detail.empty()) widgets::text("text", "map.selected.detail", marker.detail);
        const std::string status = marker_status_text(marker);
        if (!status.empty()) widgets::badge("map.selected.status", status, IM_COL32(255, 255, 255, 255), map_canvas::marker_color(marker));
        char where[64];
        std::snprintf(where, sizeof where, "%.6f, %.6f", marker.location.latitude, marker.location.longitude);
        widgets::muted("map.selected.location", where);
    }
    widgets::end_card();
}

void ViewMap::draw_legend() {
    struct LegendEntry {
        const char* key;
        api::MapMarker sample;
    };
    const LegendEntry entries[] = {
        {"customer_active", {"customer", 0, {}, {}, {}, "active", {}, 0, false}},
        {"customer_isolated", {"customer", 0, {}, {}, {}, "isolated", {}, 0, false}},
        {"customer_inactive", {"customer", 0, {}, {}, {}, "inactive", {}, 0, false}},
        {"ticket_open", {"customer", 0, {}, {}, {}, "active", {}, 0, true}},
        {"router_online", {"router", 0, {}, {}, {}, "online", {}, 0, false}},
        {"router_offline", {"router", 0, {}, {}, {}, "offline", {}, 0, false}},
        {"olt", {"olt", 0, {}, {}, {}, {}, {}, 0, false}},
        {"odc", {"odc", 0, {}, {}, {}, {}, {}, 0, false}},
        {"odp", {"odp", 0, {}, {}, {}, {}, {}, 0, false}},
        {"odp_full", {"odp", 0, {}, {}, {}, "full", {}, 0, false}},
    };
    for (const auto& entry : entries) {
        const float size = display().px(10.f);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + size * 0.5f, at.y + ImGui::GetTextLineHeight() * 0.5f), size * 0.5f,
                                                    map_canvas::marker_color(entry.sample));
        ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
        ImGui::SameLine();
        widgets::text("text", std::string("map.legend.") + entry.key, tr(std::string("map.legend.") + entry.key), widgets::colors::kMuted);
        const float next = ImGui::GetItemRectMax().x + display().px(140.f);
        if (next < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, display().px(14.f));
    }
    ImGui::NewLine();
}

void ViewMap::draw(App& app) {
    if (!m_error.empty()) widgets::banner("map.error", m_error, true);
    const float button = display().px(44.f);
    if (widgets::button("map.zoom_in", "+", widgets::ButtonStyle::Secondary, button))
        m_camera.zoom = std::min(m_camera.zoom + 1, static_cast<double>(inventory::kMaxMapZoom));
    ImGui::SameLine();
    if (widgets::button("map.zoom_out", "-", widgets::ButtonStyle::Secondary, button))
        m_camera.zoom = std::max(m_camera.zoom - 1, static_cast<double>(inventory::kMinMapZoom));
    ImGui::SameLine();
    if (widgets::button("map.fit", tr("map.fit"), widgets::ButtonStyle::Secondary)) m_fitted = false;
    if (m_loaded && m_map.markers.empty()) widgets::muted("map.empty", tr("map.empty"));
    draw_canvas(app);
    draw_selected();
    draw_legend();
}

}  // namespace kimonet
