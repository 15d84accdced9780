#include "views/view_inventory.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

namespace {

using i18n::tr;
using platform::display;

std::string inventory_field_error(const FieldErrors& errors, const char* field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

float inventory_phone_width() { return display().compact() ? ImGui::GetContentRegionAvail().x : 0.f; }

}  // namespace

void ViewInventory::enter(App& app) {
    m_open_odp = 0;
    m_import = nullptr;
    reload();
    if (app.user().can("routers.read"))
        api_client().get("/api/routers", [this](const ApiResponse& response) {
            if (!response.ok()) return;
            m_routers.clear();
            for (const auto& row : api::list_rows(response.body)) m_routers.push_back({api::json_int(row, "id"), api::json_string(row, "name")});
        });
}

void ViewInventory::reload() {
    api_client().get("/api/inventory", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_tree = api::inventory_tree_from_json(response.body);
    });
    if (m_open_odp != 0) open_odp(m_open_odp);
}

void ViewInventory::open_odp(std::int64_t odp_id) {
    m_open_odp = odp_id;
    m_place_errors.clear();
    api_client().get("/api/inventory/odps/" + std::to_string(odp_id) + "/ports", [this, odp_id](const ApiResponse& response) {
        if (!response.ok() || m_open_odp != odp_id) return;
        m_ports = api::odp_ports_from_json(response.body);
        m_place_port = 0;
    });
}

void ViewInventory::delete_item(App& app, const char* path, std::int64_t id) {
    m_busy = true;
    api_client().remove(std::string(path) + "/" + std::to_string(id), [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
            return;
        }
        app.toast_ok(tr("inventory.deleted"));
        reload();
    });
}

void ViewInventory::draw_ports(App& app) {
    const std::string odp_path = "/api/inventory/odps/" + std::to_string(m_open_odp) + "/ports";
    ImGui::Indent(display().px(12.f));
    widgets::text("title", "inventory.ports.title",
                  i18n::tr_format("inventory.ports_title", {{"free", std::to_string(m_ports.free.size())},
                                                            {"count", std::to_string(m_ports.odp.port_count)}}));
    for (const auto& port : m_ports.taken) {
        const std::string number = std::to_string(port.port_number);
        widgets::text("cell", "inventory.ports.taken." + number,
                      i18n::tr_format("inventory.port_line", {{"port", number}, {"service_number", port.service_number}, {"name", port.customer_name}}));
        if (app.user().can("inventory.place")) {
            ImGui::SameLine();
            if (widgets::button(("inventory.ports.remove." + number).c_str(), tr("inventory.remove"), widgets::ButtonStyle::Link, 0.f, m_busy)) {
                m_busy = true;
                api_client().remove("/api/inventory/customers/" + std::to_string(port.customer_id) + "/port", [this, &app](const ApiResponse& response) {
                    m_busy = false;
                    if (!response.ok()) app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
                    reload();
                });
            }
        }
    }
    if (app.user().can("inventory.place") && !m_ports.free.empty()) {
        std::vector<std::string> ports;
        for (const int number : m_ports.free) ports.push_back(std::to_string(number));
        if (m_place_port >= static_cast<int>(ports.size())) m_place_port = 0;
        widgets::text_field("inventory.ports.service_number", tr("inventory.service_number"), m_place_number,
                            inventory_field_error(m_place_errors, "customer_id"), ImGuiInputTextFlags_None, "CUST001");
        widgets::select_field("inventory.ports.port", tr("inventory.port"), ports, m_place_port, inventory_field_error(m_place_errors, "port_number"));
        if (widgets::button("inventory.ports.place", tr("inventory.place"), widgets::ButtonStyle::Primary, inventory_phone_width(),
                            m_busy || m_place_number.empty())) {
            m_busy = true;
            m_place_errors.clear();
            const api::Json body{{"service_number", m_place_number}, {"port_number", m_ports.free[static_cast<std::size_t>(m_place_port)]}};
            api_client().post(odp_path, body, [this, &app](const ApiResponse& response) {
                m_busy = false;
                if (!response.ok()) {
                    m_place_errors = response.fields;
                    app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
                    return;
                }
                app.toast_ok(tr("inventory.placed"));
                m_place_number.clear();
                reload();
            });
        }
    }
    ImGui::Unindent(display().px(12.f));
}

void ViewInventory::draw_odp(App& app, const api::InventoryOdp& odp) {
    const std::string id = "inventory.odp." + std::to_string(odp.id);
    ImGui::PushID(static_cast<int>(odp.id));
    const std::string free = std::to_string(odp.free_ports()) + "/" + std::to_string(odp.port_count);
    widgets::text("cell", id, i18n::tr_format("inventory.odp_line", {{"name", odp.name}, {"free", free}}),
                  odp.free_ports() == 0 ? widgets::colors::kDanger : 0);
    if (widgets::button((id + ".open").c_str(), m_open_odp == odp.id ? tr("inventory.close") : tr("inventory.ports"), widgets::ButtonStyle::Link)) {
        if (m_open_odp == odp.id) m_open_odp = 0;
        else open_odp(odp.id);
    }
    if (app.user().can("inventory.edit")) {
        ImGui::SameLine();
        if (widgets::button((id + ".edit").c_str(), tr("inventory.edit"), widgets::ButtonStyle::Link)) edit_item(3, odp.id);
        ImGui::SameLine();
        if (widgets::button((id + ".delete").c_str(), tr("inventory.delete"), widgets::ButtonStyle::Link, 0.f, m_busy))
            delete_item(app, "/api/inventory/odps", odp.id);
    }
    if (m_open_odp == odp.id && m_ports.odp.id == odp.id) draw_ports(app);
    ImGui::PopID();
}

void ViewInventory::draw_tree(App& app) {
    const bool can_edit = app.user().can("inventory.edit");
    const float indent = display().px(14.f);
    const auto item_buttons = [&](const std::string& id, int level, std::int64_t item, const char* path) {
        if (!can_edit) return;
        ImGui::SameLine();
        if (widgets::button((id + ".edit").c_str(), tr("inventory.edit"), widgets::ButtonStyle::Link)) edit_item(level, item);
        ImGui::SameLine();
        if (widgets::button((id + ".delete").c_str(), tr("inventory.delete"), widgets::ButtonStyle::Link, 0.f, m_busy)) delete_item(app, path, item);
    };
    for (const auto& olt : m_tree.olts) {
        ImGui::PushID(static_cast<int>(olt.id));
        if (widgets::begin_card("inventory.olt")) {
            const std::string id = "inventory.olt." + std::to_string(olt.id);
            ImGui::PushFont(display().fonts().strong);
            widgets::text("title", id, "OLT " + olt.name);
            ImGui::PopFont();
            item_buttons(id, 0, olt.id, "/api/inventory/olts");
            std::string where = olt.site;
            if (!olt.router_name.empty()) where += (where.empty() ? "" : " · ") + std::string(tr("inventory.router")) + " " + olt.router_name;
            if (!where.empty()) widgets::muted((id + ".site").c_str(), where);
            for (const auto& port : m_tree.pon_ports) {
                if (port.olt_id != olt.id) continue;
                ImGui::PushID(static_cast<int>(port.id));
                ImGui::Indent(indent);
                const std::string port_id = "inventory.pon." + std::to_string(port.id);
                widgets::text("cell", port_id, "PON " + port.label);
                item_buttons(port_id, 1, port.id, "/api/inventory/pon-ports");
                for (const auto& odc : m_tree.odcs) {
                    if (odc.pon_port_id != port.id) continue;
                    ImGui::PushID(static_cast<int>(odc.id));
                    ImGui::Indent(indent);
                    const std::string odc_id = "inventory.odc." + std::to_string(odc.id);
                    widgets::text("cell", odc_id, "ODC " + odc.name);
                    item_buttons(odc_id, 2, odc.id, "/api/inventory/odcs");
                    ImGui::Indent(indent);
                    for (const auto& odp : m_tree.odps)
                        if (odp.odc_id == odc.id) draw_odp(app, odp);
                    ImGui::Unindent(indent);
                    ImGui::Unindent(indent);
                    ImGui::PopID();
                }
                ImGui::Unindent(indent);
                ImGui::PopID();
            }
        }
        widgets::end_card();
        ImGui::PopID();
    }
}

void ViewInventory::draw(App& app) {
    if (!m_error.empty()) widgets::banner("inventory.error", m_error, true);
    if (app.user().can("inventory.edit")) draw_form(app);
    if (m_loaded && m_tree.olts.empty()) widgets::muted("inventory.empty", tr("inventory.empty"));
    draw_tree(app);
    if (app.user().can("inventory.edit")) draw_import(app);
}

}  // namespace kimonet
