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
    if (auto validated = validate_router(router, !m_form.editing); !validated)
        for (const auto& [field, message] : validated.error().fields) errors.emplace(field, message);
    return errors;
}

void ViewRouterForm::submit() {
    if (!m_form.accept_submit(validate())) return;
    api::Json body{{"name", m_name}, {"host", m_host}, {"port", std::stoi(m_port)}, {"username", m_username},
                   {"isolir_profile", m_isolir_profile}, {"tls", m_tls}, {"push_secrets", m_push_secrets}};
    if (!m_password.empty()) body["password"] = m_password;
    auto done = [this](const ApiResponse& response) {
        if (!response.ok()) return m_form.refused(response);
        m_form.saved();
        m_password.clear();
        if (m_saved) m_saved(router_from_response(response.body.contains("data") ? response.body["data"] : response.body));
    };
    if (m_form.editing) api_client().put("/api/routers/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/routers", body, done);
}

void ViewRouterForm::draw(App&) {
    const std::string title = m_form.editing ? tr("router_form.edit_title") : tr("router_form.create_title");
    if (!m_form.begin(kPopup, "router_form.title", title, display().px(560))) return;
    const FieldErrors live = validate();
    const std::string banner = m_form.banner_text();
    auto edited = [this](const char* field) { m_form.server_errors.erase(field); };
    auto field_error = [&](const char* field, bool has_value) { return m_form.field_error(live, field, has_value); };
    if (begin_form_body("router_form.body", banner)) {
        if (widgets::text_field("router_form.name", tr("field.router_name"), m_name, field_error("name", !m_name.empty()), 0,
                                "Router Pusat"))
            edited("name");
        if (widgets::text_field("router_form.host", tr("field.host"), m_host, field_error("host", !m_host.empty()), 0, "192.168.88.1"))
            edited("host");
        if (widgets::text_field("router_form.port", tr("field.port"), m_port, field_error("port", !m_port.empty()),
                                ImGuiInputTextFlags_CharsDecimal, "8728"))
            edited("port");
        if (widgets::text_field("router_form.username", tr("field.router_username"), m_username,
                                field_error("username", !m_username.empty()), 0, "billing"))
            edited("username");
        if (widgets::password_field("router_form.password", m_form.editing ? tr("field.router_password_keep") : tr("field.router_password"),
                                    m_password, field_error("password", !m_password.empty())))
            edited("password");
        if (widgets::text_field("router_form.isolir_profile", tr("field.isolir_profile"), m_isolir_profile,
                                field_error("isolir_profile", !m_isolir_profile.empty()), 0, "ISOLIR"))
            edited("isolir_profile");
        widgets::checkbox("router_form.tls", tr("field.router_tls"), m_tls);
        widgets::checkbox("router_form.push_secrets", tr("field.push_secrets"), m_push_secrets);
        widgets::muted("router_form.push_secrets_hint", tr("router_form.push_secrets_hint"));
    }
    end_form_body();
    if (m_form.end("router_form", banner)) submit();
}

}  // namespace kimonet
