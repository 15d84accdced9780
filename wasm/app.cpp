#include "app.hpp"

#include <utility>

#include "addresses.hpp"
#include "api_client.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the open-popup stack kept across a re-login
#include "platform/browser_glue.hpp"
#include "text_layer.hpp"
#include "views/view_customer_detail.hpp"
#include "views/view_customers.hpp"
#include "views/view_invoices.hpp"
#include "views/view_portal_pay.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {

namespace {

// ImGui's open popups (a form being edited) while the login screen covers an expired session.
ImVector<ImGuiPopupData> g_saved_popups;

}  // namespace

void App::start() {
    api_client().on_session_expired([this] {
        if (!m_user || m_reauth) return;
        // Keep every screen's state (the half-filled form included): only the token is gone.
        m_reauth = true;
        g_saved_popups = GImGui->OpenPopupStack;
        GImGui->OpenPopupStack.clear();
        api_client().set_token({});
        platform::store_session_token({});
        m_login.reset(true);
    });
    api_client().on_error([this](const ApiResponse& response) {
        // Field errors belong next to their fields (the forms show them), the login screen shows its
        // own; everything else is a toast.
        if (!response.fields.empty() || !m_user || m_reauth) return;
        toast_error(i18n::api_error_text(response.error_code, response.error_message));
    });
    m_pending_route = platform::current_route();
    restore_session();
}

void App::toast_error(std::string message) { m_toasts.push(std::move(message), true); }
void App::toast_ok(std::string message) { m_toasts.push(std::move(message), false); }

// A token kept by this tab (reload): ask who it belongs to; offline, the kept answer does.
void App::restore_session() {
    const std::string token = platform::session_token();
    if (token.empty()) return;
    m_restoring = true;
    api_client().set_token(token);
    api_client().set_offline_cache(true);
    api_client().get("/api/me", [this, token](const ApiResponse& response) {
        m_restoring = false;
        const auto user = response.ok() && response.body.contains("user") ? session_user_from_json(response.body["user"])
                                                                           : std::nullopt;
        if (!user) {
            api_client().set_token({});
            api_client().set_offline_cache(false);
            platform::store_session_token({});
            return;
        }
        if (user->password_change_required) {
            // A reload during the forced password change: the step again, asking for the current one.
            api_client().set_offline_cache(false);
            m_login.begin_password_change(token, *user, {});
            return;
        }
        sign_in(token, *user);
    });
}

void App::sign_in(std::string token, SessionUser user) {
    platform::store_session_token(token);
    i18n::set_time_zone(user.time_zone);
    api_client().set_token(std::move(token));
    api_client().set_offline_cache(true);
    if (m_reauth && m_user && m_user->username == user.username) {
        // The same person again after an expired session: back to the screen as it was.
        m_reauth = false;
        m_user = std::move(user);
        GImGui->OpenPopupStack = g_saved_popups;
        g_saved_popups.clear();
        return;
    }
    if (m_reauth || (m_user && m_user->username != user.username)) platform::clear_cached_responses();
    // Keeps /api/me's answer for a reload while the server is unreachable (offline reading).
    if (!m_restoring) api_client().get("/api/me", nullptr);
    m_reauth = false;
    g_saved_popups.clear();
    m_user = std::move(user);
    m_catalog.clear();
    if (m_user->is_customer()) {
        // Nothing: the portal asks only for what a customer may read (/api/portal/…; the package
        // comes with /api/portal/me). /api/packages is staff-only, and its 403 was a toast at login.
    } else if (!m_user->two_factor_enrollment_required) {  // else two_factor_enrolled() loads them
        if (m_user->can("packages.read")) m_catalog.reload_packages();
        if (m_user->can("routers.read")) m_catalog.reload_routers();
        // The offline invoice preview needs the tax and rounding settings; without the permission (or
        // offline) it uses the last rules this browser saw, else the defaults.
        m_catalog.reload_billing_rules(m_user->can("settings.read"));
    }
    // A link opened before signing in (or the page reloaded) wins over the landing screen.
    const std::string route = std::exchange(m_pending_route, {});
    if (!route.empty()) {
        apply_route(route);
        return;
    }
    // Staff land on the customer list (the screen they work in most; existing flows start there).
    if (m_user->is_customer()) navigate(Screen::CustomerHome);
    else if (m_user->two_factor_enrollment_required) navigate(Screen::Security);
    else route_to("");  // the staff home (routing.cpp): a technician's jobs, the customer list, a collector's route, or the dashboard
}

void App::sign_out(bool expired) {
    if (!expired && !api_client().token().empty()) api_client().post("/api/auth/logout", api::Json::object(), nullptr);
    api_client().set_token({});
    api_client().set_offline_cache(false);
    platform::store_session_token({});
    platform::clear_cached_responses();
    m_user.reset();
    m_reauth = false;
    g_saved_popups.clear();
    m_phone_menu = false;
    m_catalog.clear();
    m_login.reset(expired);
    m_screen = Screen::Login;
    m_route.clear();
}

App::App() {
    for (const ScreenRegistration& entry : screen_registry()) m_views.push_back(entry.make());
}

View* App::view(Screen screen) const {
    const auto& registry = screen_registry();
    for (std::size_t index = 0; index < registry.size(); ++index)
        if (registry[index].screen == screen) return m_views[index].get();
    return nullptr;
}

bool App::can_open(Screen screen) const {
    if (!m_user) return screen == Screen::Login;
    // A role that demands two-factor sign-in: nothing but Keamanan akun until it is set up.
    if (m_user->two_factor_enrollment_required) return screen == Screen::Security;
    const ScreenRegistration* entry = find_screen(screen);
    return entry && entry->allowed(*m_user);
}

void App::navigate(Screen screen) {
    if (!can_open(screen)) return;
    m_screen = screen;
    m_phone_menu = false;
    view(screen)->enter(*this);
    // The screen's own address when it has one (the reports' tab), else its registration's.
    if (find_screen(screen)->nav) {
        const std::string route = view(screen)->route();
        write_route(route.empty() ? std::string(screen.id) : route);
    }
}

void App::open_customer(std::int64_t customer_id) {
    if (!can_open(Screen::CustomerDetail)) return;
    view_as<ViewCustomerDetail>(Screen::CustomerDetail).open(*this, customer_id);
    m_screen = Screen::CustomerDetail;
    m_phone_menu = false;
    write_route(customer_address(customer_id));
}

void App::open_invoice(std::int64_t invoice_id) {
    if (!can_open(Screen::Invoices)) return;
    navigate(Screen::Invoices);
    view_as<ViewInvoices>(Screen::Invoices).open_by_id(invoice_id);
    write_route(invoice_address(invoice_id));
}

void App::two_factor_enrolled() {
    if (!m_user || !m_user->two_factor_enrollment_required) return;
    m_user->two_factor_enrollment_required = false;
    if (m_user->can("packages.read")) m_catalog.reload_packages();
    if (m_user->can("routers.read")) m_catalog.reload_routers();
    m_catalog.reload_billing_rules(m_user->can("settings.read"));
}

void App::find_customer() {
    navigate(Screen::Customers);
    view_as<ViewCustomers>(Screen::Customers).focus_search();
}

void App::open_invoice_generate() {
    if (!can_open(Screen::Invoices) || !m_user->can("invoices.create")) return;
    navigate(Screen::Invoices);
    view_as<ViewInvoices>(Screen::Invoices).open_generate();
}

void App::pay_invoice(std::int64_t invoice_id) {
    if (!can_open(Screen::PortalPay)) return;
    navigate(Screen::PortalPay);
    view_as<ViewPortalPay>(Screen::PortalPay).enter(*this, invoice_id);
}

void App::draw_screen() {
    if (View* current = view(m_screen)) current->draw(*this);
    sync_route();
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
    if (platform::take_route_change()) {
        const std::string route = platform::current_route();
        if (route != m_route) {
            if (m_user && !m_reauth) apply_route(route);
            else m_pending_route = route;
        }
    }
    // The page on show for the text layer (text_layer::set_page): the sign-in names its own steps.
    if (m_restoring) {
        widgets::muted("app.restoring", i18n::tr("common.loading"));
        text_layer::set_page({});
    } else if (m_screen == Screen::Login || !m_user || m_reauth) {
        m_login.draw(*this);
    } else {
        draw_shell();
        // After drawing: a click in this frame may have opened another screen (or signed out: the
        // sign-in names its page from the next frame). Each customer is a page of its own (a link
        // in one customer's messages opens another).
        if (m_user && !m_reauth && m_screen != Screen::Login) {
            const auto& detail = view_as<ViewCustomerDetail>(Screen::CustomerDetail);
            text_layer::set_page(m_screen == Screen::CustomerDetail ? "customer/" + std::to_string(detail.customer_id())
                                                                    : std::string(m_screen.id));
        }
    }
    ImGui::End();
    m_toasts.draw();
}

}  // namespace kimonet
