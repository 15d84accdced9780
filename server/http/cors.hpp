#pragma once
// CORS for the public endpoints a separately hosted landing page calls. Only origins on the
// cors_allowed_origins setting get Access-Control-Allow-Origin (and a preflight answer); any
// other origin gets no CORS headers, so the browser refuses to hand the reply to its script.
#include <optional>

#include "app/app.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace kimonet::http {

// True for the paths a landing page on another origin may call.
bool is_cors_path(const std::string& path);
// The reply to an OPTIONS preflight on a CORS path: 204 with the CORS headers for an allowed
// origin, 403 without them otherwise.
Response cors_preflight(app::App& app, const Request& request);
// Adds Access-Control-Allow-Origin (+ Vary) to `response` when the request's origin is allowed.
void add_cors_headers(app::App& app, const Request& request, Response& response);

}  // namespace kimonet::http
