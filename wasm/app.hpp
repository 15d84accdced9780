#pragma once
// The application: session, navigation and the shell (sidebar + header) around the screens.
// main.cpp owns the frame loop and calls App::draw() once per frame inside an ImGui frame.
#include <optional>
#include <string>

#include "catalog.hpp"
#include "session.hpp"
#include "views/view_customer_detail.hpp"
#include "views/view_customer_home.hpp"
#include "views/view_customers.hpp"
#include "views/view_dashboard.hpp"
#include "views/view_invoices.hpp"
#include "views/view_login.hpp"
#include "views/view_packages.hpp"
#include "views/view_payments.hpp"

namespace kimonet {

enum class Screen { Login, Dashboard, Customers, Packages, Invoices, Payments, CustomerDetail, CustomerHome };

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

    const SessionUser& user() const { return *m_user; }
    Catalog& catalog() { return m_catalog; }
    bool can_open(Screen screen) const;
    // "ID | EN" buttons (header and login screen).
    void draw_language_toggle();

private:
    void draw_shell();
    void draw_sidebar();
    void draw_top_bar();
    void draw_screen();
    void draw_phone_tabs();
    std::string screen_title() const;

    Screen m_screen = Screen::Login;
    std::optional<SessionUser> m_user;
    Catalog m_catalog;
    ViewLogin m_login;
    ViewDashboard m_dashboard;
    ViewCustomers m_customers;
    ViewPackages m_packages;
    ViewInvoices m_invoices;
    ViewPayments m_payments;
    ViewCustomerDetail m_customer_detail;
    ViewCustomerHome m_customer_home;
};

}  // namespace kimonet
