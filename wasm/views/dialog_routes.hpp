#pragma once
// Pieces the screens share for the addresses of their dialogs and tabs (View::open_subroute):
// #/packages/new, #/packages/3/edit, #/settings/billing.
#include <cstdint>
#include <string>
#include <vector>

#include "view.hpp"

namespace kimonet {

class App;

// "3" → 3; 0 when the text is not a positive whole number ("03x", "-1", "").
std::int64_t route_id(const std::string& text);

// The dialog part of a list screen's address: {} (nothing open), {"new"}, {"<id>", "edit"}.
struct FormRoute {
    bool create = false;
    std::int64_t edit_id = 0;
};
// The dialog an address names into `route`, checked against what the user may do (Forbidden) and
// its shape (Unknown). `create` / `update`: the permissions the screen's own buttons ask for.
RouteOutcome parse_form_route(const App& app, const std::vector<std::string>& rest, const char* create, const char* update,
                              FormRoute& route);

// "packages" + {create|edit 3} → "packages/new" / "packages/3/edit".
std::string form_route(const char* screen, bool create, std::int64_t edit_id);

// An address naming a record that is not (or no longer) there, found out once the list came: the
// unknown-address toast, and the screen's own address replaces it without a history entry.
void refuse_missing_record(App& app, const std::string& route);

}  // namespace kimonet
