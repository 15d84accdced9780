#pragma once
// Peta jaringan (inventory.read, issue 21): routers, OLTs, ODCs, ODPs and customers where their
// coordinates put them (Web Mercator, the projection of the operator's z/x/y tile server), lines
// customer → ODP → ODC → OLT → router, status colours and a legend; drag to pan, wheel or the +/−
// buttons to zoom, "Semua" fits everything; tap a marker to see it below the map. With a tile server
// (setting map_tile_url) its tiles are the background (views/map_tile_layer, with its credit);
// without one the background is a schematic grid drawn here, so nothing is asked of any other machine.
// Registry ids: "map.canvas" (value "zoom=Z center=LAT,LON"), "map.marker.<kind>.<id>", "map.zoom_in",
// "map.zoom_out", "map.fit", "map.selected.{title,detail,status}", "map.legend.<key>", "map.empty".
#include <optional>

#include "api/inventory_dto.hpp"
#include "view.hpp"
#include "views/map_canvas.hpp"
#include "views/map_tile_layer.hpp"

namespace kimonet {

class ViewMap final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void draw_canvas(App& app);
    void draw_selected();
    void draw_legend();

    api::NetworkMap m_map;
    bool m_loaded = false;
    bool m_fitted = false;
    std::string m_error;
    map_canvas::Camera m_camera;
    map_canvas::MapTileLayer m_tiles;  // the operator's tiles, when map_tile_url is set
    std::optional<std::size_t> m_selected;
    ImVec2 m_press_at{0, 0};
    ImVec2 m_drag_from{0, 0};
    bool m_dragged = false;
};

}  // namespace kimonet
