#include "views/router_radius_section.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "core/radius_messages.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

constexpr const char* kRadiusSectionMethods[] = {"pppoe", "static", "dhcp", "radius"};
constexpr std::size_t kRadiusIndex = 3;

bool is_coa_port(const std::string& text) {
    if (text.empty() || text.size() > 5 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    const int port = std::stoi(text);
    return port >= 1 && port <= 65535;
}

// The shared secret as FreeRADIUS's clients file takes it (the server's rule, radius_service.cpp).
bool is_radius_secret(const std::string& text) {
    if (text.size() < 8 || text.size() > 64) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || std::string_view("-_.~+=@!*^:,/?").find(c) != std::string_view::npos;
    });
}

}  // namespace

void RouterRadiusSection::reset() {
    m_loaded = true;
    m_has_secret = false;
    m_methods = m_loaded_methods = {true, true, true, true};
    m_nas_address = m_loaded_nas_address = "";
    m_coa_port = m_loaded_coa_port = "3799";
    m_secret.clear();
}

void RouterRadiusSection::load(std::int64_t router_id) {
    reset();
    m_loaded = false;
    api_client().get("/api/routers/" + std::to_string(router_id) + "/radius", [this](const ApiResponse& response) {
        if (!response.ok()) return;  // (a role without routers.read never opens the form)
        const api::Json& data = response.body.contains("data") ? response.body["data"] : response.body;
        m_has_secret = json_bool(data, "has_secret", false);
        m_nas_address = m_loaded_nas_address = json_string(data, "nas_address");
        m_coa_port = m_loaded_coa_port = std::to_string(json_int(data, "coa_port", 3799));
        if (const auto methods = data.find("connection_methods"); methods != data.end() && methods->is_array()) {
            for (std::size_t index = 0; index < m_methods.size(); ++index)
                m_methods[index] = std::find(methods->begin(), methods->end(), kRadiusSectionMethods[index]) != methods->end();
            m_loaded_methods = m_methods;
        }
        m_loaded = true;
    });
}

FieldErrors RouterRadiusSection::validate() const {
    FieldErrors errors;
    if (std::none_of(m_methods.begin(), m_methods.end(), [](bool on) { return on; })) errors["connection_methods"] = messages::kConnectionMethods;
    if (!m_nas_address.empty() && !is_valid_ipv4(m_nas_address)) errors["nas_address"] = messages::kIpv4Address;
    if (!is_coa_port(m_coa_port)) errors["coa_port"] = messages::kPort;
    if (!m_secret.empty() && !is_radius_secret(m_secret)) errors["secret"] = messages::kRadiusSecret;
    return errors;
}

api::Json RouterRadiusSection::body() const {
    api::Json methods = api::Json::array();
    for (std::size_t index = 0; index < m_methods.size(); ++index)
        if (m_methods[index]) methods.push_back(kRadiusSectionMethods[index]);
    api::Json out = {{"connection_methods", methods}, {"nas_address", m_nas_address}, {"coa_port", is_coa_port(m_coa_port) ? std::stoi(m_coa_port) : 0}};
    if (!m_secret.empty()) out["secret"] = m_secret;
    return out;
}

bool RouterRadiusSection::changed() const {
    return m_methods != m_loaded_methods || m_nas_address != m_loaded_nas_address || m_coa_port != m_loaded_coa_port || !m_secret.empty();
}

void RouterRadiusSection::draw_fields(FormModalState& form, const std::string& nas_error, const std::string& port_error,
                                      const std::string& secret_error, const std::string& methods_error) {
    using i18n::tr;
    auto edited = [&form](const char* field) { form.server_errors.erase(field); };
    ImGui::Dummy(ImVec2(0, platform::display().px(4)));
    widgets::text("text", "router_form.radius_title", tr("router_form.radius_title"));
    widgets::muted("router_form.methods_hint", tr("router_form.methods_hint"));
    for (std::size_t index = 0; index < m_methods.size(); ++index) {
        if (index > 0 && !platform::display().compact()) ImGui::SameLine();
        const std::string id = std::string("router_form.method.") + kRadiusSectionMethods[index];
        if (widgets::checkbox(id.c_str(), tr((std::string("connection.method.") + kRadiusSectionMethods[index]).c_str()), m_methods[index]))
            edited("connection_methods");
    }
    if (!methods_error.empty()) widgets::text("error", "router_form.connection_methods.error", methods_error, widgets::colors::kDanger);
    if (!m_methods[kRadiusIndex]) return;
    if (widgets::text_field("router_form.nas_address", tr("field.nas_address"), m_nas_address, nas_error, 0, "10.0.0.1")) edited("nas_address");
    if (widgets::text_field("router_form.coa_port", tr("field.coa_port"), m_coa_port, port_error, ImGuiInputTextFlags_CharsDecimal, "3799"))
        edited("coa_port");
    if (widgets::password_field("router_form.radius_secret", m_has_secret ? tr("field.radius_secret_keep") : tr("field.radius_secret"), m_secret,
                                secret_error))
        edited("secret");
    widgets::muted("router_form.radius_secret_state", tr(m_has_secret ? "router_form.radius_secret_stored" : "router_form.radius_secret_none"));
}

}  // namespace kimonet
