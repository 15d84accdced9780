#pragma once
// THE SCREEN REGISTRY (screens.cpp): one registration per screen gives it its route (#/<id>),
// its sidebar / phone-menu entry and group, its header title, who may open it, and its View.
#include <memory>
#include <string_view>
#include <vector>

#include "session.hpp"
#include "view.hpp"

namespace kimonet {

// A screen's identity: its id, which is also its hash route ("customers" -> #/customers).
struct Screen {
    std::string_view id;
    friend bool operator==(Screen, Screen) = default;
    // The screens the shell links to by name; any other is Screen{"<id>"}.
    static const Screen Login, Dashboard, Customers, CustomerDetail, Invoices, Payments, CustomerHome, PortalPay, Security;
};
inline constexpr Screen Screen::Login{"login"};
inline constexpr Screen Screen::Dashboard{"dashboard"};
inline constexpr Screen Screen::Customers{"customers"};
inline constexpr Screen Screen::CustomerDetail{"customer"};
inline constexpr Screen Screen::Invoices{"invoices"};
inline constexpr Screen Screen::Payments{"payments"};
inline constexpr Screen Screen::CustomerHome{"home"};
inline constexpr Screen Screen::PortalPay{"pay"};
inline constexpr Screen Screen::Security{"security"};

struct ScreenRegistration {
    Screen screen;
    // Registry id and catalogue key of the navigation entry ("nav.routers"); null = reached from
    // another screen only (the customer detail), no entry and no #/<id> route of its own.
    const char* nav;
    const char* group;      // catalogue key of the sidebar group ("nav.group.billing")
    const char* title_key;  // the header's title (View::title() may override it)
    // Who may open it (two-factor enrolment is checked by App before this).
    bool (*allowed)(const SessionUser& user);
    std::unique_ptr<View> (*make)();
    // The navigation entry shown as current while this screen is open (the list it belongs to).
    Screen nav_parent = screen;
};

// Every screen, in sidebar order.
const std::vector<ScreenRegistration>& screen_registry();
// The registration of `screen`; null for an unknown id.
const ScreenRegistration* find_screen(Screen screen);

}  // namespace kimonet
