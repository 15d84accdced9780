#pragma once
// Create/edit a router (lokasi_server) in a modal, validated live with shared/'s router_from_json.
// The password is write-only: empty on edit keeps the stored one. The RouterOS interface (API, REST
// or automatic) with the REST port and TLS; editing, a role that manages routers and may test them
// gets "Uji koneksi" (views/router_test_panel) for the stored router. A role that may update
// routers also sets the connection methods the router offers and its RADIUS NAS settings
// (views/router_radius_section), saved after the router; one that may edit the inventory sets where
// the router stands on the map (latitude, longitude; view_router_form_location.cpp).
#include <cstdint>
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "routers/router.hpp"
#include "views/form_modal.hpp"
#include "views/router_radius_section.hpp"
#include "views/router_test_panel.hpp"

namespace kimonet {

class App;

class ViewRouterForm {
public:
    void open_create(std::function<void(const Router&)> saved);
    void open_edit(const Router& router, std::function<void(const Router&)> saved);
    void draw(App& app);
    // For the screen's address: open (or opening), which record, and closing it from the address.
    bool is_open() const { return m_form.is_open(); }
    bool is_editing() const { return m_form.editing; }
    std::int64_t editing_id() const { return m_form.editing ? m_base.id : 0; }
    void close() { m_form.close(); }

private:
    void open(std::function<void(const Router&)> saved);
    FieldErrors validate() const;
    // The router as the form has it (the port numbers 0 when not numbers).
    Router edited_router() const;
    void submit(bool radius_editable);
    // Saves the RADIUS section of the saved `router` (when it changed), then closes the form.
    void save_radius(const Router& router, bool radius_editable);
    // Where the router stands on the map (issue 21): its coordinates live in the inventory
    // (GET/PUT /api/inventory/routers/{id}/location, inventory.read/inventory.edit), loaded when
    // the form opens and saved after the router, when they changed; then the RADIUS section.
    void load_location(App& app);
    void save_location(const Router& router, bool radius_editable);
    void draw_location_fields(const FieldErrors& live, const std::function<void()>& cell);

    FormModalState m_form;
    Router m_base;
    std::string m_name, m_host, m_port, m_username, m_password, m_isolir_profile, m_rest_port;
    int m_mode_index = 0;  // in the form's list of api modes
    bool m_tls = false;
    bool m_rest_tls = true;
    RouterTestPanel m_test;
    RouterRadiusSection m_radius;
    bool m_radius_editable = false;  // the role may update routers (GET/PUT /api/routers/{id}/radius)
    bool m_push_secrets = false;
    bool m_location_editable = false;  // the role may place routers (inventory.edit)
    bool m_location_requested = false;  // the form opened: the stored coordinates are asked for once
    std::string m_latitude, m_longitude;
    std::string m_location_loaded = ",";  // "lat,lon" as loaded, to send only a change
    std::function<void(const Router&)> m_saved;
};

// The router fields of an API answer ("has_password" stands for the write-only password).
Router router_from_response(const api::Json& data);

}  // namespace kimonet
