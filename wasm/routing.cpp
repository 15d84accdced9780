// URL hash routing: every screen has an address (#/customers, #/customers/42, #/invoices/7,
// #/invoices/generate, #/home) so reload, back/forward and shared links work. navigate() writes the
// hash with history.pushState; shell.js reports hashchange/popstate and App::draw applies it.
// Unknown or forbidden addresses land on the home screen with a toast.
#include <charconv>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "i18n.hpp"
#include "platform/browser_glue.hpp"

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
    platform::push_route(route);
}

void App::apply_route(const std::string& hash) {
    if (!m_user) return;
    const auto parts = split_route(hash);
    const Screen home = m_user->is_customer() ? Screen::CustomerHome
                                              : (can_open(Screen::Customers) ? Screen::Customers : Screen::Dashboard);
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
    if (parts.size() == 2) {
        const auto id = parse_id(parts[1]);
        if (first == "customers" && id) {
            if (!can_open(Screen::CustomerDetail)) return refuse("route.forbidden");
            open_customer(*id);
            return;
        }
        if (first == "invoices" && id) {
            if (!can_open(Screen::Invoices)) return refuse("route.forbidden");
            open_invoice(*id);
            return;
        }
        if (first == "invoices" && parts[1] == "generate") {
            if (!can_open(Screen::Invoices) || !m_user->can("invoices.create")) return refuse("route.forbidden");
            open_invoice_generate();
            return;
        }
        return refuse("route.unknown");
    }
    if (parts.size() > 2) return refuse("route.unknown");
    for (const ScreenRegistration& entry : screen_registry()) {
        if (!entry.nav || entry.screen.id != first) continue;
        if (!can_open(entry.screen)) return refuse("route.forbidden");
        navigate(entry.screen);
        return;
    }
    refuse("route.unknown");
}

}  // namespace kimonet
