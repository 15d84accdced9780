#include "views/view_login.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "text_layer.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

using i18n::tr;
using platform::display;

void ViewLogin::reset(bool session_expired) {
    m_password.clear();
    m_challenge.clear();
    m_code.clear();
    m_use_recovery = false;
    m_busy = false;
    m_server_message.clear();
    m_error_key = session_expired ? "login.expired" : "";
    m_pending_user.reset();
    m_pending_token.clear();
    m_current_password.clear();
    m_ask_current = false;
    m_new_password.clear();
    m_repeat_password.clear();
    m_field_errors.clear();
}

void ViewLogin::begin_password_change(std::string token, SessionUser user, std::string current_password) {
    reset(false);
    // Kept for a reload: /api/me then brings this step back (asking for the current password).
    platform::store_session_token(token);
    api_client().set_token(token);
    m_pending_token = std::move(token);
    m_pending_user = std::move(user);
    m_ask_current = current_password.empty();
    m_current_password = std::move(current_password);
}

void ViewLogin::submit_password_change(App& app) {
    if (m_busy || !m_pending_user) return;
    m_field_errors.clear();
    m_error_key.clear();
    if (m_new_password != m_repeat_password) {
        m_field_errors["repeat_password"] = tr("password.mismatch");
        return;
    }
    m_busy = true;
    const api::Json body{{"current_password", m_current_password}, {"new_password", m_new_password}};
    api_client().post("/api/auth/password", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (response.ok()) {
            // The same token now opens the whole app: continue as a normal login.
            SessionUser user = *m_pending_user;
            user.password_change_required = false;
            const std::string token = m_pending_token;
            reset(false);
            app.sign_in(token, std::move(user));
            return;
        }
        if (response.status == 401) {
            // The token expired (or was revoked) meanwhile: back to the password.
            app.sign_out(true);
            return;
        }
        m_field_errors = response.fields;
        // The password kept from the login was refused (changed elsewhere meanwhile): ask for it.
        if (m_field_errors.contains("current_password")) {
            m_ask_current = true;
            m_current_password.clear();
        }
        if (m_field_errors.empty()) {
            m_server_message = response.error_message;
            m_error_key = response.status == 429 ? "error.rate_limited"
                                                 : (response.error_code.empty() ? "error.generic" : "error." + response.error_code);
        }
    });
}

void ViewLogin::draw_password_change(App& app) {
    const auto field_error = [this](const char* field) {
        const auto found = m_field_errors.find(field);
        return found == m_field_errors.end() ? std::string() : i18n::translate_message(found->second);
    };
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "login.password_change.title", tr("login.password_change_title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("login.password_change.hint", tr("login.password_change_hint"));
    ImGui::PopTextWrapPos();
    bool enter = false;
    // A real password-change form for password managers: the current one, then the new one twice.
    widgets::mark_field("login.current_password", widgets::FieldKind::CurrentPassword);
    widgets::mark_field("login.new_password", widgets::FieldKind::NewPassword);
    widgets::mark_field("login.repeat_password", widgets::FieldKind::NewPassword);
    widgets::mark_field("login.password_change.save", widgets::FieldKind::Submit);
    if (m_ask_current)
        enter = widgets::password_field("login.current_password", tr("password.current"), m_current_password,
                                        field_error("current_password")) || enter;
    enter = widgets::password_field("login.new_password", tr("password.new"), m_new_password, field_error("new_password")) || enter;
    enter = widgets::password_field("login.repeat_password", tr("password.repeat"), m_repeat_password,
                                    field_error("repeat_password")) || enter;
    if (!m_error_key.empty())
        widgets::banner("login.error", i18n::api_error_text(m_error_key.substr(6), m_server_message), true);
    ImGui::Dummy(ImVec2(0, display().px(4)));
    const bool incomplete = m_current_password.empty() || m_new_password.empty() || m_repeat_password.empty();
    if (widgets::button("login.password_change.save", m_busy ? tr("common.saving") : tr("login.password_change_save"),
                        widgets::ButtonStyle::Primary, -FLT_MIN, m_busy || incomplete) ||
        (enter && !incomplete && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))))
        submit_password_change(app);
    if (widgets::button("login.password_change.logout", tr("login.password_change_logout"), widgets::ButtonStyle::Link))
        app.sign_out(false);
}

void ViewLogin::submit(App& app) {
    if (m_busy) return;
    if (m_username.empty() || m_password.empty()) {
        m_error_key = "login.required";
        return;
    }
    m_busy = true;
    m_error_key.clear();
    const api::Json body{{"username", m_username}, {"password", m_password}};
    api_client().post("/api/auth/login", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (response.ok() && json_bool(response.body, "two_factor_required", false)) {
            // The password was right; the account has two-factor sign-in: ask for the code.
            m_challenge = json_string(response.body, "challenge");
            m_password.clear();
            m_code.clear();
            m_use_recovery = false;
            return;
        }
        finish(app, response);
    });
}

void ViewLogin::submit_second_step(App& app) {
    if (m_busy || m_code.empty()) return;
    m_busy = true;
    m_error_key.clear();
    const api::Json body{{"challenge", m_challenge}, {m_use_recovery ? "recovery_code" : "code", m_code}};
    api_client().post("/api/auth/login/two-factor", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (response.status == 401) {
            // The challenge expired or was used up: back to the password.
            m_challenge.clear();
            m_code.clear();
            m_error_key = "login.two_factor_expired";
            return;
        }
        if (response.status == 422) {
            m_code.clear();
            m_error_key = "login.two_factor_wrong";
            return;
        }
        finish(app, response);
    });
}

void ViewLogin::finish(App& app, const ApiResponse& response) {
    const auto user = response.ok() ? session_user_from_json(response.body.contains("user") ? response.body["user"] : api::Json())
                                    : std::nullopt;
    const std::string token = json_string(response.body, "token");
    if (user && !token.empty() && user->password_change_required) {
        begin_password_change(token, *user, std::exchange(m_password, {}));
        return;
    }
    if (user && !token.empty()) {
        m_password.clear();
        m_challenge.clear();
        m_code.clear();
        app.sign_in(token, *user);
        return;
    }
    m_server_message = response.error_message;
    if (response.status == 401) m_error_key = "login.wrong";
    else if (response.status == 429) m_error_key = "error.rate_limited";
    else m_error_key = response.error_code.empty() ? "error.generic" : "error." + response.error_code;
}

void ViewLogin::draw_second_step(App& app) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("title", "login.two_factor.title", tr("login.two_factor_title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("login.two_factor.hint", tr(m_use_recovery ? "login.recovery_hint" : "login.two_factor_hint"));
    ImGui::PopTextWrapPos();
    widgets::mark_field("login.code", widgets::FieldKind::Code);
    widgets::mark_field("login.verify", widgets::FieldKind::Submit);
    const bool enter = m_use_recovery
                           ? widgets::text_field("login.recovery_code", tr("login.recovery_code"), m_code, {},
                                                 ImGuiInputTextFlags_EnterReturnsTrue, "xxxxx-xxxxx")
                           : widgets::text_field("login.code", tr("login.code"), m_code, {},
                                                 ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue, "123456");
    if (!m_error_key.empty()) {
        const std::string message = i18n::api_error_text(m_error_key.starts_with("error.") ? m_error_key.substr(6) : "", m_server_message);
        widgets::banner("login.error", m_error_key.starts_with("error.") ? message : tr(m_error_key), true);
    }
    ImGui::Dummy(ImVec2(0, display().px(4)));
    if (widgets::button("login.verify", m_busy ? tr("login.submitting") : tr("login.verify"), widgets::ButtonStyle::Primary, -FLT_MIN,
                        m_busy || m_code.empty()) ||
        (enter && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))))
        submit_second_step(app);
    if (widgets::button("login.use_recovery", tr(m_use_recovery ? "login.use_authenticator" : "login.use_recovery"),
                        widgets::ButtonStyle::Link)) {
        m_use_recovery = !m_use_recovery;
        m_code.clear();
        m_error_key.clear();
    }
    if (widgets::button("login.back", tr("login.back"), widgets::ButtonStyle::Link)) reset(false);
}

void ViewLogin::draw(App& app) {
    const bool compact = display().compact();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float margin = display().px(compact ? 16 : 24);

    // Language toggle in the top-right corner of the page.
    ImGui::SetCursorPos(ImVec2(available.x - margin - ImGui::CalcTextSize("IDEN").x - ImGui::GetStyle().FramePadding.x * 4 -
                                   display().px(4),
                               margin));
    ImGui::BeginGroup();
    app.draw_language_toggle();
    ImGui::EndGroup();

    const float card_width = std::min(display().px(420), available.x - margin * 2);
    const float top = compact ? margin + ImGui::GetFrameHeight() + display().px(24) : std::max(margin * 3, available.y * 0.16f);
    ImGui::SetCursorPos(ImVec2((available.x - card_width) * 0.5f, top));
    ImGui::BeginGroup();
    ImGui::PushFont(display().fonts().title);
    widgets::text("title", "login.brand", tr("app.name"), widgets::colors::kAccent);
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
    widgets::muted("login.tagline", tr("app.tagline"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(12)));

    const bool card_open = widgets::begin_card("login.card", card_width);
    if (card_open && m_pending_user) {
        draw_password_change(app);
    } else if (card_open && !m_challenge.empty()) {
        draw_second_step(app);
    } else if (card_open) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "login.title", tr("login.title"));
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, display().px(4)));
        // The sign-in is a real form on the page (username, current-password, a submit) that
        // password managers offer to save and fill; Enter in it submits.
        widgets::mark_field("login.username", widgets::FieldKind::Username);
        widgets::mark_field("login.password", widgets::FieldKind::CurrentPassword);
        widgets::mark_field("login.submit", widgets::FieldKind::Submit);
        bool enter = widgets::text_field("login.username", tr("login.username"), m_username, {},
                                         ImGuiInputTextFlags_EnterReturnsTrue);
        enter = widgets::password_field("login.password", tr("login.password"), m_password) || enter;
        if (!m_error_key.empty()) {
            const std::string message = i18n::api_error_text(m_error_key.starts_with("error.") ? m_error_key.substr(6) : "",
                                                             m_server_message);
            widgets::banner("login.error", m_error_key.starts_with("error.") ? message : tr(m_error_key), true);
        }
        ImGui::Dummy(ImVec2(0, display().px(4)));
        if (widgets::button("login.submit", m_busy ? tr("login.submitting") : tr("login.submit"),
                            widgets::ButtonStyle::Primary, -FLT_MIN, m_busy) ||
            (enter && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))))
            submit(app);
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("login.help", tr("login.help"));
        ImGui::PopTextWrapPos();
    }
    widgets::end_card();
    ImGui::EndGroup();
    // Each step is a form page of its own for the text layer: its first field takes focus.
    text_layer::set_page(m_pending_user ? "login/password" : !m_challenge.empty() ? "login/code" : "login", true);
}

}  // namespace kimonet
