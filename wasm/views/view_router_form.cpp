#include "views/view_router_form.hpp"

#include <algorithm>

#include "api/dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/form_modal.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kPopup = "router_form";

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
    m_server_errors.clear();
    m_banner.clear();
    m_submitted = false;
    m_busy = false;
    m_open_requested = true;
}

void ViewRouterForm::open_create(std::function<void(const Router&)> saved) {
    m_editing = false;
    m_base = Router{};
    open(std::move(saved));
}

void ViewRouterForm::open_edit(const Router& router, std::function<void(const Router&)> saved) {
    m_editing = true;
    m_base = router;
    open(std::move(saved));
}

FieldErrors ViewRouterForm::validate() const {
    FieldErrors errors;
    const bool port_ok = !m_port.empty() && m_port.size() <= 5 && std::all_of(m_port.begin(), m_port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!port_ok) errors["port"] = tr("field.not_a_number");
    Router router = m_base;
    router.name = m_name;
    router.host = m_host;
    router.port = port_ok ? std::stoi(m_port) : 0;
    router.username = m_username;
    router.password = m_password;
    router.isolir_profile = m_isolir_profile;
    if (auto validated = validate_router(router, !m_editing); !validated)
        for (const auto& [field, message] : validated.error().fields) errors.emplace(field, message);
    return errors;
}

std::string ViewRouterForm::field_error(const FieldErrors& live, const char* field, bool has_value) const {
    if (auto server = m_server_errors.find(field); server != m_server_errors.end()) return i18n::translate_message(server->second);
    auto local = live.find(field);
    if (local == live.end() || !(m_submitted || has_value)) return {};
    return i18n::translate_message(local->second);
}

void ViewRouterForm::submit() {
    m_submitted = true;
    if (!validate().empty()) {
        m_banner = "form.fix_errors";
        return;
    }
    api::Json body{{"name", m_name}, {"host", m_host}, {"port", std::stoi(m_port)}, {"username", m_username},
                   {"isolir_profile", m_isolir_profile}, {"tls", m_tls}, {"push_secrets", m_push_secrets}};
    if (!m_password.empty()) body["password"] = m_password;
    m_busy = true;
    m_banner.clear();
    auto done = [this](const ApiResponse& response) {
        m_busy = false;
        if (response.ok()) {
            m_close_requested = true;
            m_password.clear();
            if (m_saved) m_saved(router_from_response(response.body.contains("data") ? response.body["data"] : response.body));
            return;
        }
        m_server_errors = response.fields;
        m_banner = response.error_code == "validation_failed" ? "form.fix_errors" : "error." + response.error_code;
        m_banner_detail = response.error_message;
    };
    if (m_editing) api_client().put("/api/routers/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/routers", body, done);
}

void ViewRouterForm::draw(App&) {
    if (m_open_requested) {
        ImGui::OpenPopup(kPopup);
        m_open_requested = false;
        m_close_requested = false;
    }
    const std::string title = m_editing ? tr("router_form.edit_title") : tr("router_form.create_title");
    if (!begin_form_modal(kPopup, "router_form.title", title, display().px(560))) return;
    if (m_close_requested) {
        m_close_requested = false;
        ImGui::CloseCurrentPopup();
    }
    const FieldErrors live = validate();
    const std::string banner = m_banner.starts_with("error.") ? i18n::api_error_text(m_banner.substr(6), m_banner_detail)
                                                              : (m_banner.empty() ? "" : tr(m_banner));
    auto edited = [this](const char* field) { m_server_errors.erase(field); };
    if (begin_form_body("router_form.body", banner)) {
        if (widgets::text_field("router_form.name", tr("field.router_name"), m_name, field_error(live, "name", !m_name.empty()), 0,
                                "Router Pusat"))
            edited("name");
        if (widgets::text_field("router_form.host", tr("field.host"), m_host, field_error(live, "host", !m_host.empty()), 0, "192.168.88.1"))
            edited("host");
        if (widgets::text_field("router_form.port", tr("field.port"), m_port, field_error(live, "port", !m_port.empty()),
                                ImGuiInputTextFlags_CharsDecimal, "8728"))
            edited("port");
        if (widgets::text_field("router_form.username", tr("field.router_username"), m_username,
                                field_error(live, "username", !m_username.empty()), 0, "billing"))
            edited("username");
        if (widgets::password_field("router_form.password", m_editing ? tr("field.router_password_keep") : tr("field.router_password"),
                                    m_password, field_error(live, "password", !m_password.empty())))
            edited("password");
        if (widgets::text_field("router_form.isolir_profile", tr("field.isolir_profile"), m_isolir_profile,
                                field_error(live, "isolir_profile", !m_isolir_profile.empty()), 0, "ISOLIR"))
            edited("isolir_profile");
        widgets::checkbox("router_form.tls", tr("field.router_tls"), m_tls);
        widgets::checkbox("router_form.push_secrets", tr("field.push_secrets"), m_push_secrets);
        widgets::muted("router_form.push_secrets_hint", tr("router_form.push_secrets_hint"));
    }
    end_form_body();
    switch (draw_form_footer("router_form", banner, m_busy)) {
    case FormAction::Save: submit(); break;
    case FormAction::Cancel: ImGui::CloseCurrentPopup(); break;
    case FormAction::None: break;
    }
    end_form_modal();
}

}  // namespace kimonet
