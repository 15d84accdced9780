// The inventory screen's form (add or change an OLT, PON port, ODC or ODP) and its CSV import card;
// declared in views/view_inventory.hpp.
#include <cstdio>
#include <cstdlib>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "views/view_inventory.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

namespace {

using i18n::tr;
using platform::display;

constexpr const char* kInventoryLevelPaths[] = {"/api/inventory/olts", "/api/inventory/pon-ports", "/api/inventory/odcs", "/api/inventory/odps"};
constexpr const char* kInventoryParentFields[] = {"router_id", "olt_id", "pon_port_id", "odc_id"};

std::string form_field_error(const FieldErrors& errors, const char* field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

std::string coordinate_text(const std::optional<inventory::Coordinates>& location, bool latitude) {
    if (!location) return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", latitude ? location->latitude : location->longitude);
    return text;
}

// "-6.9147" or "-6,9147" → the number; "" → null; anything else is sent as text so the server names it.
api::Json coordinate_json(const std::string& text) {
    if (text.empty()) return nullptr;
    std::string number = text;
    if (number.find('.') == std::string::npos)
        if (const auto comma = number.find(','); comma != std::string::npos) number[comma] = '.';
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end == number.c_str() || *end != '\0') return text;
    return value;
}

}  // namespace

std::vector<std::pair<std::int64_t, std::string>> ViewInventory::parent_choices(int level) const {
    std::vector<std::pair<std::int64_t, std::string>> out;
    if (level == 1)
        for (const auto& olt : m_tree.olts) out.emplace_back(olt.id, olt.name);
    if (level == 2)
        for (const auto& port : m_tree.pon_ports)
            for (const auto& olt : m_tree.olts)
                if (olt.id == port.olt_id) out.emplace_back(port.id, olt.name + " · " + port.label);
    if (level == 3)
        for (const auto& odc : m_tree.odcs) out.emplace_back(odc.id, odc.name);
    return out;
}

void ViewInventory::edit_item(int level, std::int64_t id) {
    Form form;
    form.level = level;
    form.editing = id;
    const auto parent_index = [&](std::int64_t parent) {
        const auto choices = parent_choices(level);
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].first == parent) return static_cast<int>(i);
        return 0;
    };
    const auto location = [&](const std::optional<inventory::Coordinates>& where) {
        form.latitude = coordinate_text(where, true);
        form.longitude = coordinate_text(where, false);
    };
    if (level == 0)
        for (const auto& olt : m_tree.olts)
            if (olt.id == id) {
                form.name = olt.name, form.site = olt.site;
                location(olt.location);
                for (std::size_t i = 0; i < m_routers.size(); ++i)
                    if (olt.router_id && m_routers[i].id == *olt.router_id) form.router = static_cast<int>(i) + 1;
            }
    if (level == 1)
        for (const auto& port : m_tree.pon_ports)
            if (port.id == id) form.name = port.label, form.parent = parent_index(port.olt_id);
    if (level == 2)
        for (const auto& odc : m_tree.odcs)
            if (odc.id == id) form.name = odc.name, form.parent = parent_index(odc.pon_port_id), location(odc.location);
    if (level == 3)
        for (const auto& odp : m_tree.odps)
            if (odp.id == id) {
                form.name = odp.name, form.parent = parent_index(odp.odc_id), form.port_count = std::to_string(odp.port_count);
                location(odp.location);
            }
    m_form = form;
    m_errors.clear();
}

api::Json ViewInventory::form_body() const {
    api::Json body = api::Json::object();
    body[m_form.level == 1 ? "label" : "name"] = m_form.name;
    if (m_form.level == 0) {
        body["site"] = m_form.site;
        body["router_id"] = m_form.router > 0 && m_form.router <= static_cast<int>(m_routers.size())
                                ? api::Json(m_routers[static_cast<std::size_t>(m_form.router - 1)].id)
                                : api::Json(nullptr);
    } else {
        const auto choices = parent_choices(m_form.level);
        body[kInventoryParentFields[m_form.level]] =
            m_form.parent < static_cast<int>(choices.size()) ? choices[static_cast<std::size_t>(m_form.parent)].first : 0;
    }
    if (m_form.level == 3) body["port_count"] = std::atoi(m_form.port_count.c_str());
    if (m_form.level != 1) {
        body["latitude"] = coordinate_json(m_form.latitude);
        body["longitude"] = coordinate_json(m_form.longitude);
    }
    return body;
}

void ViewInventory::draw_form(App& app) {
    if (!widgets::begin_card("inventory.form")) {
        widgets::end_card();
        return;
    }
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "inventory.form.title", m_form.editing ? tr("inventory.form_edit") : tr("inventory.form_new"));
    ImGui::PopFont();
    const std::vector<std::string> levels = {"OLT", "PON", "ODC", "ODP"};
    int level = m_form.level;
    if (m_form.editing == 0 && widgets::select_field("inventory.form.level", tr("inventory.level"), levels, level)) {
        m_form = Form{};
        m_form.level = level;
        m_errors.clear();
    }
    widgets::text_field("inventory.form.name", m_form.level == 1 ? tr("inventory.label") : tr("inventory.name"), m_form.name,
                        form_field_error(m_errors, m_form.level == 1 ? "label" : "name"), ImGuiInputTextFlags_None,
                        m_form.level == 1 ? "0/1/1" : nullptr);
    if (m_form.level == 0) {
        std::vector<std::string> routers = {tr("inventory.no_router")};
        for (const auto& router : m_routers) routers.push_back(router.name);
        widgets::select_field("inventory.form.router", tr("inventory.router"), routers, m_form.router, form_field_error(m_errors, "router_id"));
        widgets::text_field("inventory.form.site", tr("inventory.site"), m_form.site, form_field_error(m_errors, "site"));
    } else {
        std::vector<std::string> parents;
        for (const auto& [id, name] : parent_choices(m_form.level)) parents.push_back(name);
        if (parents.empty()) parents.push_back(tr("inventory.no_parent"));
        widgets::select_field("inventory.form.parent", tr(std::string("inventory.parent.") + std::to_string(m_form.level)), parents, m_form.parent,
                              form_field_error(m_errors, kInventoryParentFields[m_form.level]));
    }
    if (m_form.level == 3)
        widgets::text_field("inventory.form.port_count", tr("inventory.port_count"), m_form.port_count, form_field_error(m_errors, "port_count"),
                            ImGuiInputTextFlags_CharsDecimal);
    if (m_form.level != 1) {
        widgets::text_field("inventory.form.latitude", tr("inventory.latitude"), m_form.latitude, form_field_error(m_errors, "latitude"),
                            ImGuiInputTextFlags_None, "-6.914744");
        widgets::text_field("inventory.form.longitude", tr("inventory.longitude"), m_form.longitude, form_field_error(m_errors, "longitude"),
                            ImGuiInputTextFlags_None, "107.609810");
    }
    const float width = display().compact() ? ImGui::GetContentRegionAvail().x : 0.f;
    if (widgets::button("inventory.form.save", tr("inventory.save"), widgets::ButtonStyle::Primary, width, m_busy)) {
        m_busy = true;
        m_errors.clear();
        const std::string path = m_form.editing ? std::string(kInventoryLevelPaths[m_form.level]) + "/" + std::to_string(m_form.editing)
                                                : std::string(kInventoryLevelPaths[m_form.level]);
        auto answered = [this, &app](const ApiResponse& response) {
            m_busy = false;
            if (!response.ok()) {
                m_errors = response.fields;
                app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
                return;
            }
            app.toast_ok(tr("inventory.saved"));
            const int kept_level = m_form.level;
            m_form = Form{};
            m_form.level = kept_level;
            reload();
        };
        if (m_form.editing) api_client().put(path, form_body(), answered);
        else api_client().post(path, form_body(), answered);
    }
    if (m_form.editing && widgets::button("inventory.form.cancel", tr("inventory.cancel"), widgets::ButtonStyle::Link)) {
        const int kept_level = m_form.level;
        m_form = Form{};
        m_form.level = kept_level;
        m_errors.clear();
    }
    widgets::end_card();
}

void ViewInventory::send_import(App& app, bool dry_run) {
    m_busy = true;
    m_import_error.clear();
    api_client().post_bytes(std::string("/api/imports/inventory") + (dry_run ? "?dry_run=1" : ""), m_csv, "text/csv",
                            [this, &app, dry_run](const ApiResponse& response) {
                                m_busy = false;
                                const api::Json& data = api::response_data(response.body);
                                m_import = data.is_object() && data.contains("rows") ? data : api::Json(nullptr);
                                if (!response.ok()) {
                                    m_import_error = i18n::api_error_text(response.error_code, response.error_message);
                                    return;
                                }
                                if (!dry_run) {
                                    app.toast_ok(tr("inventory.imported"));
                                    m_csv.clear();
                                    reload();
                                }
                            });
}

void ViewInventory::draw_import(App& app) {
    if (widgets::begin_card("inventory.import")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "inventory.import.title", tr("inventory.import_title"));
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("inventory.import.hint", tr("inventory.import_hint"));
        ImGui::PopTextWrapPos();
        multiline_field("inventory.import.csv", tr("inventory.import_csv"), m_csv, display().px(120.f));
        const float width = display().compact() ? ImGui::GetContentRegionAvail().x : 0.f;
        if (widgets::button("inventory.import.check", tr("inventory.import_check"), widgets::ButtonStyle::Secondary, width, m_busy || m_csv.empty()))
            send_import(app, true);
        if (!display().compact()) ImGui::SameLine();
        const bool checked_clean = m_import.is_object() && api::json_bool(m_import, "dry_run", false) && api::json_int(m_import, "invalid") == 0;
        if (widgets::button("inventory.import.commit", tr("inventory.import_commit"), widgets::ButtonStyle::Primary, width, m_busy || !checked_clean))
            send_import(app, false);
        if (!m_import_error.empty()) widgets::banner("inventory.import.error", m_import_error, true);
        if (m_import.is_object()) {
            ImGui::PushTextWrapPos(0.f);
            widgets::text("text", "inventory.import.summary",
                          i18n::tr_format("inventory.import_summary",
                                          {{"valid", std::to_string(api::json_int(m_import, "valid"))},
                                           {"invalid", std::to_string(api::json_int(m_import, "invalid"))},
                                           {"olts", std::to_string(api::json_int(m_import, "olts"))},
                                           {"pons", std::to_string(api::json_int(m_import, "pon_ports"))},
                                           {"odcs", std::to_string(api::json_int(m_import, "odcs"))},
                                           {"odps", std::to_string(api::json_int(m_import, "odps"))}}));
            if (const auto errors = m_import.find("errors"); errors != m_import.end() && errors->is_array())
                for (const auto& error : *errors) {
                    std::string line = i18n::tr_format("inventory.import_row", {{"row", std::to_string(api::json_int(error, "row"))}});
                    if (const auto fields = error.find("fields"); error.is_object() && fields != error.end() && fields->is_object())
                        for (const auto& [field, message] : fields->items())
                            line += " " + field + ": " + (message.is_string() ? i18n::translate_message(message.get<std::string>()) : std::string());
                    widgets::text("error", "inventory.import.error." + std::to_string(api::json_int(error, "row")), line, widgets::colors::kDanger);
                }
            ImGui::PopTextWrapPos();
        }
    }
    widgets::end_card();
}

}  // namespace kimonet
