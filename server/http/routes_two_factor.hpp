#pragma once
// Staff two-factor sign-in over HTTP (routes_two_factor.cpp); kept out of routes.hpp so adding
// it does not touch every route file.
#include <optional>

#include "app/app.hpp"
#include "http/router.hpp"

namespace kimonet::http {

// enrol, confirm, disable, status, the second sign-in step and the per-role rule.
void register_two_factor_routes(Router& router, app::App& app);

// After authentication: a staff user whose role demands two-factor sign-in and who has not
// enrolled gets 403 `two_factor_enrollment_required` on every route but /api/me, logout, the
// two-factor status, enrol and confirm. nullopt = carry on.
std::optional<Response> two_factor_enrollment_gate(app::App& app, const Route& route, const Request& request);

}  // namespace kimonet::http
