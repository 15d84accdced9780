#pragma once
// Turns a Request into a Response: route matching, body limits, authentication and the
// permission check for every route (in this one place), static files, and the JSON error
// shape for everything that goes wrong.
#include "http/request.hpp"
#include "http/response.hpp"

namespace kimonet::app { class App; }

namespace kimonet::http {

Response dispatch(app::App& app, Request& request);

}  // namespace kimonet::http
