#include "views/view_security.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

void heading(const char* id, const char* key) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, tr(key));
    ImGui::PopFont();
}

// "JBSW Y3DP …": the secret in groups of four, easier to type into an authenticator.
std::string grouped(const std::string& secret) {
    std::string out;
    for (std::size_t index = 0; index < secret.size(); ++index) {
        if (index > 0 && index % 4 == 0) out += ' ';
        out += secret[index];
    }
    return out;
}

}  // namespace

void ViewSecurity::enter(App& app) {
    m_password.clear();
    m_code.clear();
    m_errors.clear();
    m_disabling = false;
    load(app);
}

void ViewSecurity::load(App&) {
    api_client().get("/api/auth/two-factor", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        const api::Json& data = response_data(response.body);
        m_loaded = true;
        m_enabled = json_bool(data, "enabled", false);
        m_required = json_bool(data, "required_by_role", false);
        m_recovery_left = static_cast<int>(json_int(data, "recovery_codes_left"));
    });
}

void ViewSecurity::begin_enrollment(App&) {
    m_busy = true;
    m_errors.clear();
    api_client().post("/api/auth/two-factor/enroll", api::Json{{"password", m_password}}, [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_errors = response.fields;
            return;
        }
        const api::Json& data = response_data(response.body);
        m_password.clear();
        m_code.clear();
        m_secret = json_string(data, "secret");
        m_qr_rows.clear();
        m_qr_size = 0;
        if (data.contains("qr") && data["qr"].is_object()) {
            m_qr_size = static_cast<int>(json_int(data["qr"], "size"));
            if (data["qr"].contains("rows") && data["qr"]["rows"].is_array())
                for (const auto& row : data["qr"]["rows"])
                    if (row.is_string()) m_qr_rows.push_back(row.get<std::string>());
            if (static_cast<int>(m_qr_rows.size()) != m_qr_size) m_qr_size = 0;  // malformed: show the secret only
        }
    });
}

void ViewSecurity::confirm(App& app) {
    m_busy = true;
    m_errors.clear();
    api_client().post("/api/auth/two-factor/confirm", api::Json{{"code", m_code}}, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_errors = response.fields;
            return;
        }
        m_recovery_codes.clear();
        const api::Json& data = response_data(response.body);
        if (data.contains("recovery_codes") && data["recovery_codes"].is_array())
            for (const auto& code : data["recovery_codes"])
                if (code.is_string()) m_recovery_codes.push_back(code.get<std::string>());
        m_secret.clear();
        m_qr_rows.clear();
        m_qr_size = 0;
        m_code.clear();
        m_enabled = true;
        m_recovery_left = static_cast<int>(m_recovery_codes.size());
        app.toast_ok(tr("security.enabled_toast"));
        app.two_factor_enrolled();
    });
}

void ViewSecurity::disable(App& app) {
    m_busy = true;
    m_errors.clear();
    api_client().post("/api/auth/two-factor/disable", api::Json{{"password", m_password}, {"code", m_code}},
                      [this, &app](const ApiResponse& response) {
                          m_busy = false;
                          if (!response.ok()) {
                              m_errors = response.fields;
                              return;
                          }
                          m_password.clear();
                          m_code.clear();
                          m_disabling = false;
                          m_enabled = false;
                          m_recovery_codes.clear();
                          app.toast_ok(tr("security.disabled_toast"));
                          load(app);
                      });
}

// The QR code as filled squares on the draw list, with the 4-module white quiet zone scanners need.
void ViewSecurity::draw_qr(float side) {
    const float cell = side / static_cast<float>(m_qr_size + 8);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    for (int y = 0; y < m_qr_size; ++y)
        for (int x = 0; x < m_qr_size; ++x)
            if (m_qr_rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] == '1') {
                const ImVec2 a(origin.x + (x + 4) * cell, origin.y + (y + 4) * cell);
                draw->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(side, side));
    ui_registry::record("qr", "security.qr", "QR", std::to_string(m_qr_size));
}

void ViewSecurity::draw_status(App&) {
    heading("security.two_factor.title", "security.two_factor");
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("security.two_factor.hint", tr("security.hint"));
    ImGui::PopTextWrapPos();
    if (!m_loaded) {
        widgets::muted("security.loading", tr("common.loading"));
        return;
    }
    if (m_enabled)
        widgets::badge("security.state", tr("security.on"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else
        widgets::badge("security.state", tr("security.off"), widgets::colors::kMuted, widgets::colors::kNeutralSoft);
    if (m_enabled) {
        ImGui::SameLine();
        widgets::muted("security.recovery_left", i18n::tr_format("security.recovery_left", {{"count", std::to_string(m_recovery_left)}}));
    }
    if (m_required && !m_enabled) {
        ImGui::PushTextWrapPos(0.f);
        widgets::banner("security.required", tr("security.required"), true);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, display().px(4)));
}

void ViewSecurity::draw_enrollment(App& app) {
    if (m_secret.empty()) {
        widgets::password_field("security.password", tr("security.password"), m_password, field_error(m_errors, "password"));
        if (widgets::button("security.enroll", m_busy ? tr("common.saving") : tr("security.enroll"), widgets::ButtonStyle::Primary, 0.f,
                            m_busy || m_password.empty()))
            begin_enrollment(app);
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("security.scan", tr("security.scan"));
    ImGui::PopTextWrapPos();
    if (m_qr_size > 0) draw_qr(std::min(ImGui::GetContentRegionAvail().x, display().px(240)));
    copy_row("security.secret", tr("security.secret"), grouped(m_secret));
    ImGui::Dummy(ImVec2(0, display().px(4)));
    const bool enter = widgets::text_field("security.code", tr("security.code"), m_code, field_error(m_errors, "code"),
                                           ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue, "123456");
    if (widgets::button("security.confirm", m_busy ? tr("common.saving") : tr("security.confirm"), widgets::ButtonStyle::Primary, 0.f,
                        m_busy || m_code.size() != 6) ||
        (enter && m_code.size() == 6 && !m_busy))
        confirm(app);
}

void ViewSecurity::draw_recovery_codes(App&) {
    heading("security.recovery.title", "security.recovery_title");
    ImGui::PushTextWrapPos(0.f);
    widgets::banner("security.recovery.warning", tr("security.recovery_once"), false);
    ImGui::PopTextWrapPos();
    std::string all;
    for (std::size_t index = 0; index < m_recovery_codes.size(); ++index) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "security.recovery." + std::to_string(index), m_recovery_codes[index]);
        ImGui::PopFont();
        all += m_recovery_codes[index] + "\n";
    }
    if (widgets::button("security.recovery.copy_codes", tr("security.copy_codes"), widgets::ButtonStyle::Secondary))
        ImGui::SetClipboardText(all.c_str());
    ImGui::SameLine();
    if (widgets::button("security.recovery.done", tr("security.saved_codes"), widgets::ButtonStyle::Primary)) m_recovery_codes.clear();
}

void ViewSecurity::draw_disable(App& app) {
    if (!m_disabling) {
        if (widgets::button("security.disable", tr("security.disable"), widgets::ButtonStyle::Danger)) {
            m_disabling = true;
            m_errors.clear();
        }
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("security.disable.hint", tr("security.disable_hint"));
    ImGui::PopTextWrapPos();
    widgets::password_field("security.disable.password", tr("security.password"), m_password, field_error(m_errors, "password"));
    widgets::text_field("security.disable.code", tr("security.code"), m_code, field_error(m_errors, "code"), ImGuiInputTextFlags_CharsDecimal,
                        "123456");
    if (widgets::button("security.disable.confirm", m_busy ? tr("common.saving") : tr("security.disable_confirm"), widgets::ButtonStyle::Danger,
                        0.f, m_busy || m_password.empty() || m_code.size() != 6))
        disable(app);
    ImGui::SameLine();
    if (widgets::button("security.disable.cancel", tr("common.cancel"))) m_disabling = false;
}

void ViewSecurity::draw(App& app) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, display().px(560));
    if (widgets::begin_card("security.card", width)) {
        draw_status(app);
        if (m_loaded) {
            if (!m_recovery_codes.empty()) draw_recovery_codes(app);
            else if (m_enabled) draw_disable(app);
            else draw_enrollment(app);
        }
    }
    widgets::end_card();
}

}  // namespace kimonet
