#include "views/view_users.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "rbac/permissions.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "views/dialog_routes.hpp"
#include "views/form_modal.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kForm = "user_form";

}  // namespace

void ViewUsers::enter(App& app) {
    m_notice.clear();
    m_error.clear();
    m_users_fresh = m_roles_fresh = false;
    if (app.user().can("users.read")) load_users();
    if (app.user().can("roles.read")) load_roles();
    if (!app.user().can("users.read")) m_tab = 1;
}

void ViewUsers::load_users() {
    api_client().get("/api/users", [this](const ApiResponse& response) {
        m_users_fresh = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_users.clear();
        const api::Json& data = response_data(response.body);
        if (!data.is_array()) return;
        for (const api::Json& row : data)
            m_users.push_back({json_int(row, "id"), json_string(row, "username"), json_string(row, "full_name"), json_string(row, "role"),
                               json_bool(row, "active", true)});
    });
}

void ViewUsers::load_roles() {
    api_client().get("/api/roles", [this](const ApiResponse& response) {
        m_roles_fresh = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_roles.clear();
        const api::Json& data = response_data(response.body);
        if (!data.is_array()) return;
        for (const api::Json& row : data) {
            Role role{json_int(row, "id"), json_string(row, "name"), json_string(row, "description"), {}, {}};
            if (auto found = row.find("permissions"); found != row.end() && found->is_array())
                for (const api::Json& permission : *found)
                    if (permission.is_string()) role.saved.insert(permission.get<std::string>());
            role.edited = role.saved;
            m_roles.push_back(std::move(role));
        }
        m_role_errors.assign(m_roles.size(), {});
    });
}

void ViewUsers::save_user() {
    std::vector<std::string> staff_roles;
    for (const Role& role : m_roles)
        if (role.name != "customer") staff_roles.push_back(role.name);
    api::Json body = {{"full_name", m_form_name}, {"active", m_form_active}};
    if (m_form_role >= 0 && m_form_role < static_cast<int>(staff_roles.size())) body["role"] = staff_roles[m_form_role];
    if (!m_form_password.empty() || m_form_id == 0) body["password"] = m_form_password;
    if (m_form_id == 0) body["username"] = m_form_username;
    m_form_busy = true;
    m_form_fields.clear();
    m_form_error.clear();
    auto done = [this](const ApiResponse& response) {
        m_form_busy = false;
        if (!response.ok()) {
            m_form_fields = response.fields;
            m_form_error = m_form_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message)
                                                 : std::string(tr("error.validation"));
            return;
        }
        m_notice = i18n::tr_format("users.saved", {{"name", json_string(response_data(response.body), "username")}});
        m_form_id = -1;  // closes the modal
        load_users();
    };
    if (m_form_id == 0) api_client().post("/api/users", body, done);
    else api_client().put("/api/users/" + std::to_string(m_form_id), body, done);
}

void ViewUsers::deactivate(std::int64_t id) {
    api_client().remove("/api/users/" + std::to_string(id), [this](const ApiResponse& response) {
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_notice = tr("users.deactivated");
        load_users();
    });
}

void ViewUsers::save_role(int index) {
    Role& role = m_roles[index];
    api::Json permissions = api::Json::array();
    for (auto permission : rbac::all_permissions())
        if (role.edited.contains(std::string(permission))) permissions.push_back(std::string(permission));
    m_role_busy = true;
    m_role_errors[index].clear();
    m_notice.clear();
    const std::string name = role.name;
    api_client().put("/api/roles/" + std::to_string(role.id) + "/permissions", api::Json{{"permissions", permissions}},
                     [this, index, name](const ApiResponse& response) {
                         m_role_busy = false;
                         if (index >= static_cast<int>(m_roles.size())) return;
                         if (!response.ok()) {
                             std::string message = response.fields.empty() ? i18n::api_error_text(response.error_code, response.error_message)
                                                                           : all_field_errors(response.fields);
                             if (!response.error_message.empty() && response.fields.empty() && response.error_code == "validation_failed")
                                 message = i18n::translate_message(response.error_message);
                             m_role_errors[index] = message;
                             return;
                         }
                         m_notice = i18n::tr_format("roles.saved", {{"role", i18n::role_label(name)}});
                         load_roles();
                     });
}

void ViewUsers::draw_user_form() {
    if (m_form_requested) {
        ImGui::OpenPopup(kForm);
        m_form_requested = false;
    }
    m_form_visible = begin_form_modal(kForm, "user_form.title", m_form_id == 0 ? tr("users.new") : tr("users.edit"), display().px(520));
    if (!m_form_visible) return;
    if (m_form_id < 0) {
        m_form_visible = false;
        ImGui::CloseCurrentPopup();
        end_form_modal();
        return;
    }
    std::vector<std::string> roles;
    for (const Role& role : m_roles)
        if (role.name != "customer") roles.push_back(i18n::role_label(role.name));
    if (begin_form_body("user_form.body", m_form_error)) {
        if (m_form_id == 0)
            widgets::text_field("user_form.username", tr("users.username"), m_form_username, field_error(m_form_fields, "username"));
        else
            widgets::muted("user_form.username", m_form_username);
        widgets::text_field("user_form.full_name", tr("users.full_name"), m_form_name, field_error(m_form_fields, "full_name"));
        widgets::select_field("user_form.role", tr("users.role"), roles, m_form_role, field_error(m_form_fields, "role"));
        widgets::password_field("user_form.password", m_form_id == 0 ? tr("users.password") : tr("users.password_keep"), m_form_password,
                                field_error(m_form_fields, "password"));
        widgets::checkbox("user_form.active", tr("users.active"), m_form_active);
    }
    end_form_body();
    switch (draw_form_footer("user_form", m_form_error, m_form_busy)) {
    case FormAction::Save: save_user(); break;
    case FormAction::Cancel:
        m_form_visible = false;
        ImGui::CloseCurrentPopup();
        break;
    default: break;
    }
    end_form_modal();
}

void ViewUsers::open_form(const User* user) {
    m_pending_form = -1;
    m_form_id = user ? user->id : 0;
    m_form_username = user ? user->username : "";
    m_form_name = user ? user->full_name : "";
    m_form_password.clear();
    m_form_active = user ? user->active : true;
    m_form_role = 0;
    int index = 0;
    for (const Role& role : m_roles) {
        if (role.name == "customer") continue;
        if (user && role.name == user->role) m_form_role = index;
        if (!user && role.name == "admin") m_form_role = index;
        ++index;
    }
    m_form_fields.clear();
    m_form_error.clear();
    m_form_requested = true;
}

std::string ViewUsers::route() const {
    if (m_pending_form >= 0) return form_route("users", m_pending_form == 0, m_pending_form);
    if (m_form_requested || (m_form_visible && m_form_id >= 0)) return form_route("users", m_form_id == 0, m_form_id);
    return m_tab == 1 ? "users/roles" : "users";
}

RouteOutcome ViewUsers::open_subroute(App& app, const std::vector<std::string>& rest) {
    const bool users = app.user().can("users.read"), roles = app.user().can("roles.read");
    if (rest.size() == 1 && rest[0] == "roles") {
        if (!roles) return RouteOutcome::Forbidden;
        m_tab = 1;
        m_pending_form = -1;
        if (m_form_visible) m_form_id = -1;  // closes the form
        return RouteOutcome::Opened;
    }
    FormRoute wanted;
    const RouteOutcome outcome = parse_form_route(app, rest, "users.create", "users.update", wanted);
    if (outcome != RouteOutcome::Opened) return outcome;
    if (!rest.empty() && !users) return RouteOutcome::Forbidden;
    if (users) m_tab = 0;
    if (route() == form_route("users", wanted.create, wanted.edit_id) && !rest.empty()) return outcome;  // already shown
    m_pending_form = wanted.create ? 0 : wanted.edit_id > 0 ? wanted.edit_id : -1;
    if (m_pending_form < 0 && (m_form_requested || m_form_visible)) {
        m_form_requested = false;
        m_form_id = -1;  // closes the form
    }
    open_pending_form(app);
    return outcome;
}

// The form an address named, once the users (and roles, for the role choice) asked for on entering
// the screen are here.
void ViewUsers::open_pending_form(App& app) {
    if (m_pending_form < 0 || !m_users_fresh || (app.user().can("roles.read") && !m_roles_fresh)) return;
    const std::int64_t id = std::exchange(m_pending_form, -1);
    if (id == 0) return open_form(nullptr);
    const auto found = std::find_if(m_users.begin(), m_users.end(), [id](const User& user) { return user.id == id; });
    if (found != m_users.end()) open_form(&*found);
    else refuse_missing_record(app, form_route("users", false, id));
}

void ViewUsers::draw_users(App& app) {
    const bool can_create = app.user().can("users.create");
    const bool can_update = app.user().can("users.update");
    const bool can_delete = app.user().can("users.delete");
    if (can_create && widgets::button("users.add", tr("users.add"), widgets::ButtonStyle::Primary)) open_form(nullptr);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    const bool compact = display().compact();
    if (widgets::begin_table("users.table",
                             {{tr("users.username"), 1.2f}, {tr("users.full_name"), 1.6f, !compact}, {tr("users.role"), 1.0f},
                              {tr("users.status"), 0.8f, !compact}, {tr("customers.col.actions"), compact ? 1.3f : 1.6f}},
                             flags)) {
        for (const User& user : m_users) {
            ImGui::PushID(static_cast<int>(user.id));
            ImGui::TableNextRow(0, ImGui::GetFrameHeight());
            const std::string row = "users." + user.username;
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", row + ".username", user.username, widgets::colors::kAccent);
            if (!compact) {
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                widgets::text("cell", row + ".name", user.full_name);
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", row + ".role", i18n::role_label(user.role));
            if (!compact) {
                ImGui::TableNextColumn();
                if (user.active) widgets::badge(row + ".status", tr("users.active_badge"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
                else widgets::badge(row + ".status", tr("users.inactive_badge"), widgets::colors::kMuted, widgets::colors::kNeutralSoft);
            }
            ImGui::TableNextColumn();
            if (can_update && widgets::button((row + ".edit").c_str(), tr("common.edit"), widgets::ButtonStyle::Link)) open_form(&user);
            if (can_delete && user.active && user.id != app.user().id) {
                if (!compact) ImGui::SameLine();  // a phone's actions column holds one under the other
                if (m_confirm_deactivate == user.id) {
                    if (widgets::button((row + ".confirm").c_str(), tr("users.confirm_deactivate"), widgets::ButtonStyle::Danger)) {
                        deactivate(user.id);
                        m_confirm_deactivate = 0;
                    }
                } else if (widgets::button((row + ".deactivate").c_str(), tr("customers.deactivate"), widgets::ButtonStyle::Link)) {
                    m_confirm_deactivate = user.id;
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

void ViewUsers::draw_matrix(App& app) {
    const bool can_update = app.user().can("roles.update");
    widgets::muted("roles.hint", can_update ? tr("roles.hint") : tr("roles.read_only"));
    for (int index = 0; index < static_cast<int>(m_roles.size()); ++index)
        if (!m_role_errors[index].empty())
            widgets::banner(("roles." + m_roles[index].name + ".error").c_str(),
                            i18n::role_label(m_roles[index].name) + ": " + m_role_errors[index], true);
    // A phone has no room for a column per role (five of them ran off a 360 px screen): one role at
    // a time, chosen in a tab row above the permissions.
    const bool compact = display().compact();
    std::vector<int> shown;
    if (compact && !m_roles.empty()) {
        std::vector<std::string> labels;
        for (const Role& role : m_roles) labels.push_back(i18n::role_label(role.name));
        m_matrix_role = std::clamp(m_matrix_role, 0, static_cast<int>(m_roles.size()) - 1);
        tab_row("roles.pick", labels, m_matrix_role);
        shown.push_back(m_matrix_role);
    } else {
        for (int index = 0; index < static_cast<int>(m_roles.size()); ++index) shown.push_back(index);
    }
    const int columns = 1 + static_cast<int>(shown.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    const float footer = can_update ? ImGui::GetFrameHeightWithSpacing() + display().px(6) : 0.f;
    if (!ImGui::BeginTable("roles.matrix", columns, flags, ImVec2(0, -footer))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("roles.permission"), ImGuiTableColumnFlags_WidthFixed, display().px(190));
    for (const int index : shown)
        ImGui::TableSetupColumn(i18n::role_label(m_roles[index].name).c_str(), ImGuiTableColumnFlags_WidthFixed, display().px(104));
    widgets::strong_headers_row();
    for (auto permission : rbac::all_permissions()) {
        const std::string name(permission);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", "roles.row." + name, name);
        for (const int index : shown) {
            Role& role = m_roles[index];
            ImGui::TableNextColumn();
            bool granted = role.edited.contains(name);
            const std::string id = "roles." + role.name + "." + name;
            ImGui::PushID(id.c_str());
            if (!can_update) ImGui::BeginDisabled();
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + display().px(36));
            if (ImGui::Checkbox("##granted", &granted)) {
                if (granted) role.edited.insert(name);
                else role.edited.erase(name);
            }
            if (!can_update) ImGui::EndDisabled();
            ImGui::PopID();
            const bool changed = granted != role.saved.contains(name);
            ui_registry::record("checkbox", id, name, std::string(granted ? "true" : "false") + (changed ? "*" : ""));
        }
    }
    ImGui::EndTable();
    if (!can_update) return;
    bool first = true;
    for (int index = 0; index < static_cast<int>(m_roles.size()); ++index) {
        Role& role = m_roles[index];
        if (role.edited == role.saved) continue;
        if (!first && !compact) ImGui::SameLine();
        first = false;
        const std::string label = i18n::tr_format("roles.save", {{"role", i18n::role_label(role.name)}});
        if (widgets::button(("roles." + role.name + ".save").c_str(), label.c_str(), widgets::ButtonStyle::Primary, 0.f, m_role_busy))
            save_role(index);
    }
    if (first) widgets::muted("roles.unchanged", tr("roles.unchanged"));
}

void ViewUsers::draw(App& app) {
    open_pending_form(app);
    std::vector<std::string> tabs;
    const bool users = app.user().can("users.read"), roles = app.user().can("roles.read");
    if (users) tabs.push_back(tr("users.tab"));
    if (roles) tabs.push_back(tr("roles.tab"));
    int tab = users ? m_tab : 0;
    if (tabs.size() > 1 && tab_row("users.tabs", tabs, tab)) m_tab = tab;
    if (!m_notice.empty()) widgets::banner("users.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("users.error", m_error, true);
    const bool show_users = users && (m_tab == 0 || !roles);
    if (show_users) draw_users(app);
    else if (roles) draw_matrix(app);
    draw_user_form();  // on either tab: an address may switch tabs under it, and it must close
}

}  // namespace kimonet
