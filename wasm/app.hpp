#pragma once
// The application: session, navigation and the shell (sidebar + header) around the screens.
// main.cpp owns the frame loop and calls App::draw() once per frame inside an ImGui frame.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "session.hpp"
#include "screens.hpp"
#include "views/view_login.hpp"
#include "widgets/toasts.hpp"

namespace kimonet {

class App {
public:
    App();
    void start();
    void draw();

    void sign_in(std::string token, SessionUser user);
    // Forgets the session; `expired` shows the "session expired" notice on the login screen.
    void sign_out(bool expired);
    void navigate(Screen screen);
    // Staff: one customer's profile, invoices and payments.
    void open_customer(std::int64_t customer_id);
    // Invoices screen with one invoice's detail open (#/invoices/7), or the generate dialog.
    void open_invoice(std::int64_t invoice_id);
    void open_invoice_generate();
    // Customers screen with the search field focused (the dashboard's "find a customer").
    void find_customer();
    // Customer portal: "Bayar online" with this invoice picked.
    void pay_invoice(std::int64_t invoice_id);
    // Keamanan akun confirmed two-factor sign-in: a role that demanded it lets the user go on.
    void two_factor_enrolled();

    // One toast stack for every screen (errors carry the server's message).
    void toast_error(std::string message);
    void toast_ok(std::string message);

    const SessionUser& user() const { return *m_user; }
    // A screen corrected the address it was opened with (a panel this user may not use): the next
    // address change replaces the history entry instead of adding one, so Back does not loop.
    void route_corrected() { m_route_correction = true; }
    Catalog& catalog() { return m_catalog; }
    bool can_open(Screen screen) const;
    // "ID | EN" buttons (header and login screen).
    void draw_language_toggle();

private:
    // URL hash routing (routing.cpp): "#/customers/42" <-> screen + state.
    void apply_route(const std::string& hash);
    void route_to(const std::string& hash);
    void write_route(const std::string& route);
    void sync_route();
    void restore_session();
    void draw_offline_banner();
    void draw_loading_indicator();
    void draw_phone_menu();

    void draw_shell();
    void draw_sidebar();
    void draw_top_bar();
    void draw_screen();
    std::string screen_title() const;

    Screen m_screen = Screen::Login;
    std::optional<SessionUser> m_user;
    bool m_restoring = false;           // asking /api/me for a token kept across a reload
    bool m_reauth = false;              // the session expired: login over the kept screen state
    std::string m_pending_route;        // the hash to open once signed in
    std::string m_route;                // the hash last written or applied ("customers/42")
    bool m_route_correction = false;
    bool m_applying_route = false;
    bool m_phone_menu = false;          // the phone's full-screen navigation list is open
    widgets::Toasts m_toasts;
    Catalog m_catalog;
    ViewLogin m_login;  // not a registered screen: drawn whenever nobody is signed in
    // One view per registration of screens.cpp, in the same order.
    std::vector<std::unique_ptr<View>> m_views;
    View* view(Screen screen) const;
    template <class V>
    V& view_as(Screen screen) const {
        return static_cast<V&>(*view(screen));
    }
};

}  // namespace kimonet
