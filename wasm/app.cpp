#include "app.hpp"

#include "api_client.hpp"
#include "imgui.h"

namespace kimonet {

void App::start() {
    api_client().on_session_expired([this] {
        if (m_user) sign_out(true);
    });
}

void App::sign_in(std::string token, SessionUser user) {
    api_client().set_token(std::move(token));
    m_user = std::move(user);
    m_catalog.clear();
    if (m_user->is_customer()) {
        // Customers may or may not be allowed the package list; the home screen copes either way.
        m_catalog.reload_packages();
        navigate(Screen::CustomerHome);
        return;
    }
    if (m_user->can("packages.read")) m_catalog.reload_packages();
    if (m_user->can("routers.read")) m_catalog.reload_routers();
    // The offline invoice preview needs the tax and rounding settings; without the permission (or
    // offline) it uses the last rules this browser saw, else the defaults.
    m_catalog.reload_billing_rules(m_user->can("settings.read"));
    navigate(can_open(Screen::Customers) ? Screen::Customers : Screen::Dashboard);
}

void App::sign_out(bool expired) {
    if (!expired && !api_client().token().empty()) api_client().post("/api/auth/logout", api::Json::object(), nullptr);
    api_client().set_token({});
    m_user.reset();
    m_catalog.clear();
    m_login.reset(expired);
    m_screen = Screen::Login;
}

bool App::can_open(Screen screen) const {
    if (!m_user) return screen == Screen::Login;
    switch (screen) {
    case Screen::Login: return false;
    case Screen::CustomerHome: return m_user->is_customer();
    case Screen::Dashboard: return !m_user->is_customer();
    case Screen::Customers: return !m_user->is_customer() && m_user->can("customers.read");
    case Screen::Packages: return !m_user->is_customer() && m_user->can("packages.read");
    case Screen::Invoices: return !m_user->is_customer() && m_user->can("invoices.read");
    case Screen::Payments: return !m_user->is_customer() && m_user->can("payments.read");
    case Screen::CustomerDetail: return !m_user->is_customer() && m_user->can("customers.read");
    }
    return false;
}

void App::navigate(Screen screen) {
    if (!can_open(screen)) return;
    m_screen = screen;
    switch (screen) {
    case Screen::Customers: m_customers.enter(*this); break;
    case Screen::Packages: m_packages.enter(*this); break;
    case Screen::Invoices: m_invoices.enter(*this); break;
    case Screen::Payments: m_payments.enter(*this); break;
    case Screen::CustomerHome: m_customer_home.enter(*this); break;
    default: break;
    }
}

void App::open_customer(std::int64_t customer_id) {
    if (!can_open(Screen::CustomerDetail)) return;
    m_customer_detail.open(customer_id);
    m_screen = Screen::CustomerDetail;
}

void App::draw_screen() {
    switch (m_screen) {
    case Screen::Login: break;
    case Screen::Dashboard: m_dashboard.draw(*this); break;
    case Screen::Customers: m_customers.draw(*this); break;
    case Screen::Packages: m_packages.draw(*this); break;
    case Screen::Invoices: m_invoices.draw(*this); break;
    case Screen::Payments: m_payments.draw(*this); break;
    case Screen::CustomerDetail: m_customer_detail.draw(*this); break;
    case Screen::CustomerHome: m_customer_home.draw(*this); break;
    }
}

void App::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (m_screen == Screen::Login || !m_user) m_login.draw(*this);
    else draw_shell();
    ImGui::End();
}

}  // namespace kimonet
