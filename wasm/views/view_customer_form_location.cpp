// The customer form's coordinates (issue 21): where the customer is, for the map and the technician's
// navigation link. Both or neither, latitude −90…90 and longitude −180…180, checked here with the
// server's rules (shared/inventory) before anything is sent. They belong to the inventory's API, so
// the customer is saved first and its coordinates after, when they changed.
#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "views/coordinate_fields.hpp"
#include "views/view_customer_form.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {

namespace {

using i18n::tr;

}  // namespace

std::string customer_coordinate_text(const std::optional<double>& value) {
    if (!value) return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", *value);
    return text;
}

void ViewCustomerForm::load_location(App& app) {
    m_latitude.clear();
    m_longitude.clear();
    m_location_loaded = ",";
    if (!m_editing || !app.user().can("inventory.read")) return;
    const std::int64_t id = m_base.id;
    api_client().get("/api/inventory/customers/" + std::to_string(id), [this, id](const ApiResponse& response) {
        if (!response.ok() || m_base.id != id) return;
        const api::Json& data = api::response_data(response.body);
        const auto coordinate = [&](const char* key) {
            return data.is_object() && data.contains(key) && data[key].is_number() ? std::optional<double>(data[key].get<double>()) : std::nullopt;
        };
        m_latitude = customer_coordinate_text(coordinate("latitude"));
        m_longitude = customer_coordinate_text(coordinate("longitude"));
        m_location_loaded = m_latitude + "," + m_longitude;
    });
}

api::Json ViewCustomerForm::location_json(FieldErrors& errors) const { return form_coordinates_json(m_latitude, m_longitude, errors); }

void ViewCustomerForm::save_location(App& app, const Customer& stored) {
    const auto finish = [this, stored] {
        m_close_requested = true;
        if (m_saved) m_saved(stored);
    };
    if (!app.user().can("inventory.place") || m_latitude + "," + m_longitude == m_location_loaded) {
        finish();
        return;
    }
    FieldErrors ignored;
    m_busy = true;
    api_client().put("/api/inventory/customers/" + std::to_string(stored.id) + "/location", location_json(ignored),
                     [this, stored, finish](const ApiResponse& response) {
                         m_busy = false;
                         if (response.ok()) {
                             finish();
                             return;
                         }
                         // The customer is stored: the form now edits it, showing why its coordinates were not.
                         m_editing = true;
                         m_base = stored;
                         m_server_errors = response.fields;
                         m_banner = response.error_code == "validation_failed" ? "form.fix_errors" : "error." + response.error_code;
                         m_banner_detail = response.error_message;
                     });
}

void ViewCustomerForm::draw_location_fields(const FieldErrors& live, const std::function<void()>& cell) {
    auto edited = [this](const char* field) { m_server_errors.erase(field); };
    cell();
    if (widgets::text_field("customer_form.latitude", tr("customer.latitude"), m_latitude, field_error(live, "latitude", !m_latitude.empty()),
                            ImGuiInputTextFlags_None, "-6.914744"))
        edited("latitude");
    cell();
    if (widgets::text_field("customer_form.longitude", tr("customer.longitude"), m_longitude,
                            field_error(live, "longitude", !m_longitude.empty()), ImGuiInputTextFlags_None, "107.609810"))
        edited("longitude");
}

}  // namespace kimonet
