#include "views/view_router_form.hpp"

#include <algorithm>

#include "api/dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/coordinate_fields.hpp"
#include "views/form_modal.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kRouterFormPopup = "router_form";

struct ModeChoice {
    const char* mode;
    const char* label_key;
};
constexpr ModeChoice kModes[] = {{"api", "router_form.mode.api"}, {"rest", "router_form.mode.rest"}, {"auto", "router_form.mode.auto"}};

int mode_index(const std::string& mode) {
    for (std::size_t index = 0; index < std::size(kModes); ++index)
        if (mode == kModes[index].mode) return static_cast<int>(index);
    return 0;
}

bool is_port_number(const std::string& text) {
    return !text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Router router_from_response(const api::Json& data) {
    Router router;
    router.id = json_int(data, "id");
    router.name = json_string(data, "name");
    router.host = json_string(data, "host");
    router.port = static_cast<int>(json_int(data, "port", 8728));
    router.username = json_string(data, "username");
    router.password = json_bool(data, "has_password", false) ? "\x01" : "";
    router.isolir_profile = json_string(data, "isolir_profile", "ISOLIR");
    router.tls = json_bool(data, "tls", false);
    router.push_secrets = json_bool(data, "push_secrets", false);
    router.api_mode = json_string(data, "api_mode", "api");
    router.rest_port = static_cast<int>(json_int(data, "rest_port", 443));
    router.rest_tls = json_bool(data, "rest_tls", true);
    return router;
}

void ViewRouterForm::open(std::function<void(const Router&)> saved) {
    m_saved = std::move(saved);
    m_name = m_base.name;
    m_host = m_base.host;
    m_port = std::to_string(m_base.port);
    m_username = m_base.username;
    m_password.clear();
    m_isolir_profile = m_base.isolir_profile;
    m_tls = m_base.tls;
    m_push_secrets = m_base.push_secrets;
    m_mode_index = mode_index(m_base.api_mode);
    m_rest_port = std::to_string(m_base.rest_port);
    m_rest_tls = m_base.rest_tls;
    m_test.set_router(m_base.id, m_base.api_mode);
    if (m_base.id > 0) m_radius.load(m_base.id);
    else m_radius.reset();
    m_latitude.clear();
    m_longitude.clear();
    m_location_loaded = ",";
    m_location_requested = false;
    m_form.request_open();
}

void ViewRouterForm::open_create(std::function<void(const Router&)> saved) {
    m_form.editing = false;
    m_base = Router{};
    open(std::move(saved));
}

void ViewRouterForm::open_edit(const Router& router, std::function<void(const Router&)> saved) {
    m_form.editing = true;
    m_base = router;
    open(std::move(saved));
}

Router ViewRouterForm::edited_router() const {
    Router router = m_base;
    router.name = m_name;
    router.host = m_host;
    router.port = is_port_number(m_port) ? std::stoi(m_port) : 0;
    router.username = m_username;
    router.password = m_password;
    router.isolir_profile = m_isolir_profile;
    router.tls = m_tls;
    router.push_secrets = m_push_secrets;
    router.api_mode = kModes[m_mode_index].mode;
    router.rest_port = is_port_number(m_rest_port) ? std::stoi(m_rest_port) : 0;
    router.rest_tls = m_rest_tls;
    return router;
}

FieldErrors ViewRouterForm::validate() const {
    FieldErrors errors;
    if (!is_port_number(m_port)) errors["port"] = tr("field.not_a_number");
    if (!is_port_number(m_rest_port)) errors["rest_port"] = tr("field.not_a_number");
    if (auto validated = validate_router(edited_router(), !m_form.editing); !validated)
        for (const auto& [field, message] : validated.error().fields) errors.emplace(field, message);
    if (m_radius_editable)
        for (const auto& [field, message] : m_radius.validate()) errors.emplace(field, message);
    if (m_location_editable) form_coordinates_json(m_latitude, m_longitude, errors);
    return errors;
}

void ViewRouterForm::save_radius(const Router& router, bool radius_editable) {
    auto finish = [this, router] {
        m_form.saved();
        m_password.clear();
        m_radius.clear_secret();
        if (m_saved) m_saved(router);
    };
    if (!radius_editable || !m_radius.changed()) return finish();
    api_client().put("/api/routers/" + std::to_string(router.id) + "/radius", m_radius.body(), [this, finish](const ApiResponse& response) {
        if (!response.ok()) return m_form.refused(response);  // the router is saved; its fields keep their values
        finish();
    });
}

void ViewRouterForm::submit(bool radius_editable) {
    if (!m_form.accept_submit(validate())) return;
    const Router router = edited_router();
    api::Json body{{"name", router.name},           {"host", router.host}, {"port", router.port},
                   {"username", router.username},   {"isolir_profile", router.isolir_profile},
                   {"tls", router.tls},             {"push_secrets", router.push_secrets},
                   {"api_mode", router.api_mode},   {"rest_port", router.rest_port},
                   {"rest_tls", router.rest_tls}};
    if (!m_password.empty()) body["password"] = m_password;
    auto done = [this, radius_editable](const ApiResponse& response) {
        if (!response.ok()) return m_form.refused(response);
        const Router saved = router_from_response(response.body.contains("data") ? response.body["data"] : response.body);
        // A new router is stored now: a refused RADIUS part is saved again as an edit of it.
        if (!m_form.editing && saved.id > 0) {
            m_form.editing = true;
            m_base.id = saved.id;
        }
        save_location(saved, radius_editable);
    };
    if (m_form.editing) api_client().put("/api/routers/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/routers", body, done);
}

void ViewRouterForm::draw(App& app) {
    const std::string title = m_form.editing ? tr("router_form.edit_title") : tr("router_form.create_title");
    if (!m_form.begin(kRouterFormPopup, "router_form.title", title, display().px(680))) return;
    m_radius_editable = app.user().can("routers.update");
    m_location_editable = app.user().can("inventory.edit");
    load_location(app);
    const FieldErrors live = validate();
    const std::string banner = m_form.banner_text();
    auto edited = [this](const char* field) { m_form.server_errors.erase(field); };
    auto field_error = [&](const char* field, bool has_value) { return m_form.field_error(live, field, has_value); };
    if (begin_form_body("router_form.body", banner)) {
        // Two columns on a wide screen (the form would scroll on a laptop otherwise), one on a phone.
        const bool grid = !display().compact() && ImGui::BeginTable("router_form.grid", 2, ImGuiTableFlags_SizingStretchSame);
        auto cell = [grid] {
            if (grid) ImGui::TableNextColumn();
        };
        cell();
        if (widgets::text_field("router_form.name", tr("field.router_name"), m_name, field_error("name", !m_name.empty()), 0,
                                "Router Pusat"))
            edited("name");
        cell();
        if (widgets::text_field("router_form.host", tr("field.host"), m_host, field_error("host", !m_host.empty()), 0, "192.168.88.1"))
            edited("host");
        cell();
        if (widgets::text_field("router_form.port", tr("field.port"), m_port, field_error("port", !m_port.empty()),
                                ImGuiInputTextFlags_CharsDecimal, "8728"))
            edited("port");
        cell();
        if (widgets::text_field("router_form.username", tr("field.router_username"), m_username,
                                field_error("username", !m_username.empty()), 0, "billing"))
            edited("username");
        cell();
        if (widgets::password_field("router_form.password", m_form.editing ? tr("field.router_password_keep") : tr("field.router_password"),
                                    m_password, field_error("password", !m_password.empty())))
            edited("password");
        cell();
        if (widgets::text_field("router_form.isolir_profile", tr("field.isolir_profile"), m_isolir_profile,
                                field_error("isolir_profile", !m_isolir_profile.empty()), 0, "ISOLIR"))
            edited("isolir_profile");
        std::vector<std::string> modes;
        for (const ModeChoice& choice : kModes) modes.push_back(tr(choice.label_key));
        cell();
        if (widgets::select_field("router_form.api_mode", tr("field.router_api_mode"), modes, m_mode_index, field_error("api_mode", true)))
            edited("api_mode");
        // The REST endpoint matters when REST may be used (REST, or automatic when the API is unreachable).
        const bool rest_used = std::string(kModes[m_mode_index].mode) != "api";
        if (rest_used) {
            cell();
            if (widgets::text_field("router_form.rest_port", tr("field.rest_port"), m_rest_port, field_error("rest_port", !m_rest_port.empty()),
                                    ImGuiInputTextFlags_CharsDecimal, "443"))
                edited("rest_port");
        }
        if (m_location_editable) draw_location_fields(live, cell);
        if (grid) ImGui::EndTable();
        widgets::muted("router_form.api_mode_hint", tr(std::string(kModes[m_mode_index].label_key) + "_hint"));
        widgets::checkbox("router_form.tls", tr("field.router_tls"), m_tls);
        if (rest_used) widgets::checkbox("router_form.rest_tls", tr("field.rest_tls"), m_rest_tls);
        widgets::checkbox("router_form.push_secrets", tr("field.push_secrets"), m_push_secrets);
        widgets::muted("router_form.push_secrets_hint", tr("router_form.push_secrets_hint"));
        // Testing reaches the stored router, so only an existing one, and only for a role that
        // manages routers and may run the test (the server checks network.read again).
        if (m_form.editing && app.user().can("routers.update") && app.user().can("network.read")) {
            ImGui::Dummy(ImVec2(0, display().px(4)));
            m_test.draw("router_form.test", true);
            Router current = edited_router();
            current.password = m_base.password;  // (the stored one is a marker; a typed one counts below)
            if (current != m_base || !m_password.empty()) widgets::muted("router_form.test_hint", tr("router_test.saved_only"));
        }
        // Last, below the connection test: which methods the router offers and its NAS settings.
        if (m_radius_editable) m_radius.draw(m_form, field_error);
    }
    end_form_body();
    if (m_form.end("router_form", banner)) submit(m_radius_editable);
}

}  // namespace kimonet
