#pragma once
// The application: session, navigation and the shell (sidebar + header) around the screens.
// main.cpp owns the frame loop and calls App::draw() once per frame inside an ImGui frame.
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "session.hpp"
#include "views/view_customer_detail.hpp"
#include "views/view_customer_home.hpp"
#include "views/view_customers.hpp"
#include "views/view_dunning.hpp"
#include "views/view_dashboard.hpp"
#include "views/view_invoices.hpp"
#include "views/view_login.hpp"
#include "views/view_packages.hpp"
#include "views/view_payments.hpp"
#include "views/view_routers.hpp"
#include "views/view_security.hpp"
#include "views/view_activity.hpp"
#include "views/view_jobs.hpp"
#include "views/view_leads.hpp"
#include "views/view_notifications.hpp"
#include "views/view_portal_invoices.hpp"
#include "views/view_portal_pay.hpp"
#include "views/view_reports.hpp"
#include "views/view_settings.hpp"
#include "views/view_templates.hpp"
#include "views/view_users.hpp"
#include "views/view_whatsapp.hpp"
#include "widgets/toasts.hpp"

namespace kimonet {

// Adding a screen: a value here, a case in App::can_open and App::draw_screen (app.cpp), a title
// in App::screen_title and one row in kNavigation (app_shell.cpp) — the row gives it its sidebar
// group, phone menu entry and URL (#/<route>).
enum class Screen { Login, Dashboard, Customers, Packages, Invoices, Payments, CustomerDetail, CustomerHome,
                    Users, Activity, Jobs, Settings, Templates, Notifications, Whatsapp, PortalInvoices, PortalPay, Routers, Leads, Dunning, Reports,
                    Security };

// One row of the navigation table (app_shell.cpp): sidebar, phone menu, hash routes, screenshots.
struct NavEntry {
    Screen screen;
    const char* id;             // registry id and catalogue key of the label, "nav.routers"
    const char* key;            // catalogue key of the label
    const char* group = nullptr;  // catalogue key of the sidebar group ("nav.group.billing"); null = "Lainnya"
    const char* route = nullptr;  // "#/<route>"; null = the id without "nav." ("routers")
};
// The table, in sidebar order.
const std::vector<NavEntry>& navigation_table();
// "routers" for {.., "nav.routers", ..} without an explicit route.
std::string nav_route(const NavEntry& entry);

class App {
public:
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
    Catalog& catalog() { return m_catalog; }
    bool can_open(Screen screen) const;
    // "ID | EN" buttons (header and login screen).
    void draw_language_toggle();

private:
    // URL hash routing (routing.cpp): "#/customers/42" <-> screen + state.
    void apply_route(const std::string& hash);
    void write_route(const std::string& route);
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
    bool m_phone_menu = false;          // the phone's full-screen navigation list is open
    widgets::Toasts m_toasts;
    Catalog m_catalog;
    ViewLogin m_login;
    ViewDashboard m_dashboard;
    ViewCustomers m_customers;
    ViewPackages m_packages;
    ViewInvoices m_invoices;
    ViewPayments m_payments;
    ViewRouters m_routers;
    ViewCustomerDetail m_customer_detail;
    ViewCustomerHome m_customer_home;
    ViewUsers m_users;
    ViewActivity m_activity;
    ViewJobs m_jobs;
    ViewDunning m_dunning;
    ViewReports m_reports;
    ViewLeads m_leads;
    ViewSettings m_settings;
    ViewTemplates m_templates;
    ViewNotifications m_notifications;
    ViewWhatsapp m_whatsapp;
    ViewPortalInvoices m_portal_invoices;
    ViewPortalPay m_portal_pay;
    ViewSecurity m_security;
};

}  // namespace kimonet
