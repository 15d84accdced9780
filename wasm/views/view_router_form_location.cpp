// The router form's coordinates (issue 21): where the router stands, for the map. Both or neither,
// latitude −90…90 and longitude −180…180 (views/coordinate_fields, the server's rules). They belong
// to the inventory's API, so the router is saved first and its coordinates after, when they changed.
#include <cstdio>
#include <optional>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "views/coordinate_fields.hpp"
#include "views/view_router_form.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {

namespace {

std::string router_coordinate_text(const api::Json& data, const char* key) {
    if (!data.is_object() || !data.contains(key) || !data[key].is_number()) return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", data[key].get<double>());
    return text;
}

}  // namespace

void ViewRouterForm::load_location(App& app) {
    if (m_location_requested || !m_form.editing || m_base.id <= 0) return;
    m_location_requested = true;
    if (!app.user().can("inventory.read") || !app.user().can("inventory.edit")) return;
    const std::int64_t id = m_base.id;
    api_client().get("/api/inventory/routers/" + std::to_string(id) + "/location", [this, id](const ApiResponse& response) {
        if (!response.ok() || m_base.id != id) return;
        const api::Json& data = api::response_data(response.body);
        m_latitude = router_coordinate_text(data, "latitude");
        m_longitude = router_coordinate_text(data, "longitude");
        m_location_loaded = m_latitude + "," + m_longitude;
    });
}

void ViewRouterForm::save_location(const Router& router, bool radius_editable) {
    if (!m_location_editable || m_latitude + "," + m_longitude == m_location_loaded) return save_radius(router, radius_editable);
    FieldErrors ignored;  // checked before the router was sent
    api_client().put("/api/inventory/routers/" + std::to_string(router.id) + "/location", form_coordinates_json(m_latitude, m_longitude, ignored),
                     [this, router, radius_editable](const ApiResponse& response) {
                         // The router is stored; the form now edits it and shows why its place was not.
                         if (!response.ok()) return m_form.refused(response);
                         m_location_loaded = m_latitude + "," + m_longitude;
                         save_radius(router, radius_editable);
                     });
}

void ViewRouterForm::draw_location_fields(const FieldErrors& live, const std::function<void()>& cell) {
    auto edited = [this](const char* field) { m_form.server_errors.erase(field); };
    cell();
    if (widgets::text_field("router_form.latitude", i18n::tr("customer.latitude"), m_latitude,
                            m_form.field_error(live, "latitude", !m_latitude.empty()), ImGuiInputTextFlags_None, "-6.914744"))
        edited("latitude");
    cell();
    if (widgets::text_field("router_form.longitude", i18n::tr("customer.longitude"), m_longitude,
                            m_form.field_error(live, "longitude", !m_longitude.empty()), ImGuiInputTextFlags_None, "107.609810"))
        edited("longitude");
}

}  // namespace kimonet
