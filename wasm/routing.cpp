// URL hash routing: every screen has an address (#/customers, #/customers/42, #/invoices/7,
// #/invoices/generate, #/home), and so does what is open on it (#/customers/42/edit,
// #/customers/42/invoices/7/pay, #/invoices/7/payments/4/void, #/reports/billing/2025-12/2026-05),
// so reload, back/forward and links opened in another tab work. navigate() and sync_route() (a
// screen's View::route() changed) write the hash with history.pushState; shell.js reports
// hashchange/popstate and App::draw applies it.
// Tabs and dialogs of the other screens too (#/packages/3/edit, #/routers/new, #/users/2/edit,
// #/users/roles, #/settings/billing, #/payments/gateway/pending, #/payments/record, #/notifications/9,
// #/notifications/broadcast; #/reports/import is the customer import on the reports screen):
// View::open_subroute. Unknown or forbidden addresses land on the home screen with a toast.
#include <charconv>
#include <string_view>
#include <utility>
#include <vector>

#include "app.hpp"
#include "i18n.hpp"
#include "platform/browser_glue.hpp"
#include "views/view_customer_detail.hpp"
#include "views/view_invoices.hpp"
#include "views/view_reports.hpp"

namespace kimonet {
namespace {

std::vector<std::string> split_route(std::string_view route) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= route.size()) {
        const std::size_t end = std::min(route.find('/', start), route.size());
        if (end > start) parts.emplace_back(route.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

}  // namespace

void App::write_route(const std::string& route) {
    m_route = route;
    // Applying an address the browser already shows: the screens it opens on the way (the invoices
    // list under #/invoices/7) add no history entries of their own.
    if (m_applying_route) platform::replace_route(route);
    else platform::push_route(route);
}

void App::apply_route(const std::string& hash) {
    if (!m_user) return;
    m_applying_route = true;
    route_to(hash);
    m_applying_route = false;
    // What the screen has open now (or is opening) is the address: nothing left to push later.
    if (const View* current = view(m_screen)) {
        const std::string route = current->route();
        if (!route.empty() && route != m_route) {
            m_route = route;
            platform::replace_route(route);
        }
    }
}

void App::route_to(const std::string& hash) {
    const auto parts = split_route(hash);
    // Staff land on the customer list, else (a collector) Tagih tunai, else the dashboard; a
    // technician (field jobs of their own, nobody else's to dispatch) on today's jobs (issue 21).
    const bool field_worker = can_open(Screen{"field"}) && !can_open(Screen{"dispatch"});
    const Screen home = m_user->is_customer()               ? Screen::CustomerHome
                        : field_worker                      ? Screen{"field"}
                        : can_open(Screen::Customers)       ? Screen::Customers
                        : can_open(Screen{"collect"})       ? Screen{"collect"}
                                                            : Screen::Dashboard;
    const Screen fallback = m_user->is_customer() ? Screen::CustomerHome : Screen::Dashboard;
    auto refuse = [&](const char* key) {
        toast_error(i18n::tr_format(key, {{"route", "#/" + hash}}));
        navigate(fallback);
    };
    if (parts.empty()) {
        navigate(home);
        return;
    }
    const std::string& first = parts[0];
    const std::vector<std::string> rest(parts.begin() + 1, parts.end());
    // Past what a screen's own address names (#/customers/42/invoices/7/pay): the screen opens what
    // the rest names, or, when it names nothing, stays open with a toast.
    auto unknown_rest = [&] { toast_error(i18n::tr_format("route.unknown", {{"route", "#/" + hash}})); };
    if (first == "customers" && parts.size() >= 2) {
        const auto id = parse_id(parts[1]);
        if (!id) return refuse("route.unknown");
        if (!can_open(Screen::CustomerDetail)) return refuse("route.forbidden");
        auto& detail = view_as<ViewCustomerDetail>(Screen::CustomerDetail);
        if (m_screen != Screen::CustomerDetail || detail.customer_id() != *id) open_customer(*id);
        if (!detail.open_route(*this, std::vector<std::string>(parts.begin() + 2, parts.end()))) unknown_rest();
        return;
    }
    if (first == "invoices" && parts.size() == 2 && parts[1] == "generate") {
        if (!can_open(Screen::Invoices) || !m_user->can("invoices.create")) return refuse("route.forbidden");
        open_invoice_generate();
        return;
    }
    if (first == "invoices" && parts.size() == 3 && parts[1] == "runs") {
        const auto id = parse_id(parts[2]);
        if (!id) return refuse("route.unknown");
        if (!can_open(Screen::Invoices)) return refuse("route.forbidden");
        if (m_screen != Screen::Invoices) navigate(Screen::Invoices);
        auto& invoices = view_as<ViewInvoices>(Screen::Invoices);
        if (invoices.route() != "invoices/runs/" + std::to_string(*id)) invoices.open_run(*id);
        return;
    }
    if (first == "invoices" && parts.size() >= 2) {
        if (!parse_id(parts[1])) return refuse("route.unknown");
        if (!can_open(Screen::Invoices)) return refuse("route.forbidden");
        if (m_screen != Screen::Invoices) navigate(Screen::Invoices);
        if (!view_as<ViewInvoices>(Screen::Invoices).open_route(rest)) unknown_rest();
        return;
    }
    if (first == "reports" && parts.size() == 2 && parts[1] == "import") {
        if (!can_open(Screen{"reports"}) || !m_user->can("customers.create")) return refuse("route.forbidden");
        if (m_screen != Screen{"reports"}) navigate(Screen{"reports"});
        view_as<ViewReports>(Screen{"reports"}).open_import(*this);
        return;
    }
    if (first == "reports" && parts.size() >= 2) {
        if (!can_open(Screen{"reports"})) return refuse("route.forbidden");
        if (m_screen != Screen{"reports"}) navigate(Screen{"reports"});
        if (!view_as<ViewReports>(Screen{"reports"}).open_route(rest)) unknown_rest();
        return;
    }
    for (const ScreenRegistration& entry : screen_registry()) {
        if (!entry.nav || entry.screen.id != first) continue;
        if (!can_open(entry.screen)) return refuse("route.forbidden");
        // A tab or dialog of the screen already shown (back/forward between them) keeps the screen
        // as it is; the bare address enters it again (reloads), as a click on its entry does.
        if (rest.empty() || m_screen != entry.screen) navigate(entry.screen);
        // Back from #/invoices/7 to #/invoices closes the invoice.
        if (entry.screen == Screen::Invoices) view_as<ViewInvoices>(Screen::Invoices).open_route({});
        switch (view(entry.screen)->open_subroute(*this, rest)) {
            case RouteOutcome::Opened: return;
            case RouteOutcome::Forbidden: return refuse("route.forbidden");
            case RouteOutcome::Unknown: return refuse("route.unknown");
        }
        return;
    }
    refuse("route.unknown");
}

// After each frame of a screen: what it has open is its address (a modal opened, a tab chosen).
void App::sync_route() {
    const View* current = view(m_screen);
    if (!current) return;
    const std::string route = current->route();
    if (route.empty() || route == m_route) return;
    if (std::exchange(m_route_correction, false)) {
        m_route = route;
        platform::replace_route(route);
        return;
    }
    write_route(route);
}

}  // namespace kimonet
