#include "http/cors.hpp"

#include <array>

#include "api/cors.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

namespace {

constexpr std::array<std::string_view, 5> kCorsPaths = {"/api/packages/public", "/api/network-status", "/api/register", "/billing/check",
                                                         "/api/trouble-reports"};

// The request's origin when the allowlist admits it, else nothing (also when the setting cannot be read).
std::optional<std::string> allowed_origin(app::App& app, const Request& request) {
    const std::string origin = request.header("origin");
    if (origin.empty()) return std::nullopt;
    auto lease = app.database();
    if (!lease) return std::nullopt;
    auto setting = services::get_setting(**lease, "cors_allowed_origins");
    if (!setting || !api::is_origin_allowed(api::parse_allowed_origins(*setting), origin)) return std::nullopt;
    return origin;
}

}  // namespace

bool is_cors_path(const std::string& path) {
    for (auto candidate : kCorsPaths)
        if (path == candidate) return true;
    return false;
}

Response cors_preflight(app::App& app, const Request& request) {
    const auto origin = allowed_origin(app, request);
    if (!origin) {
        Response refused = json_error(make_error(ErrorCode::Forbidden, messages::kOriginNotAllowed));
        refused.headers["Vary"] = "Origin";
        return refused;
    }
    Response response;
    response.status = 204;
    response.content_type = "text/plain";
    response.headers["Access-Control-Allow-Origin"] = *origin;
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS";
    response.headers["Access-Control-Allow-Headers"] = "Content-Type";
    response.headers["Access-Control-Max-Age"] = "600";
    response.headers["Vary"] = "Origin";
    return response;
}

void add_cors_headers(app::App& app, const Request& request, Response& response) {
    response.headers["Vary"] = "Origin";
    if (const auto origin = allowed_origin(app, request)) response.headers["Access-Control-Allow-Origin"] = *origin;
}

}  // namespace kimonet::http
