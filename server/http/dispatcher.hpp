#pragma once
// Turns a Request into a Response: route matching, body limits, authentication and the
// permission check for every route (in this one place), static files, and the JSON error
// shape for everything that goes wrong.
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace kimonet::app { class App; }

namespace kimonet::http {

Response dispatch(app::App& app, Request& request);
// The token and permission check for one route (fills request.principal).
Result<void> authorize(app::App& app, const Route& route, Request& request);
// The error envelope for `error`; a 5xx other than 502/503 is logged with a reference and
// answered generically (no internal text leaves the server).
Response error_response(const Error& error);

}  // namespace kimonet::http
