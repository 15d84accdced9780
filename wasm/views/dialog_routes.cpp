#include "views/dialog_routes.hpp"

#include <charconv>

#include "app.hpp"
#include "i18n.hpp"

namespace kimonet {

std::int64_t route_id(const std::string& text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value > 0 ? value : 0;
}

RouteOutcome parse_form_route(const App& app, const std::vector<std::string>& rest, const char* create, const char* update,
                              FormRoute& route) {
    route = {};
    if (rest.empty()) return RouteOutcome::Opened;
    if (rest.size() == 1 && rest[0] == "new") {
        if (!app.user().can(create)) return RouteOutcome::Forbidden;
        route.create = true;
        return RouteOutcome::Opened;
    }
    if (rest.size() == 2 && rest[1] == "edit") {
        route.edit_id = route_id(rest[0]);
        if (route.edit_id == 0) return RouteOutcome::Unknown;
        if (!app.user().can(update)) return RouteOutcome::Forbidden;
        return RouteOutcome::Opened;
    }
    return RouteOutcome::Unknown;
}

std::string form_route(const char* screen, bool create, std::int64_t edit_id) {
    if (create) return std::string(screen) + "/new";
    if (edit_id > 0) return std::string(screen) + "/" + std::to_string(edit_id) + "/edit";
    return screen;
}

void refuse_missing_record(App& app, const std::string& route) {
    app.toast_error(i18n::tr_format("route.missing", {{"route", "#/" + route}}));
    app.route_corrected();
}

}  // namespace kimonet
