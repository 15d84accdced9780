#include "http/dispatcher.hpp"

#include <exception>

#include "app/app.hpp"
#include "auth/auth_service.hpp"
#include "http/cors.hpp"
#include "http/routes_two_factor.hpp"
#include "http/static_files.hpp"

namespace kimonet::http {

static Result<void> authorize(app::App& app, const Route& route, Request& request) {
    if (route.access == Access::Public) return {};
    std::string header = request.header("authorization");
    if (!header.starts_with("Bearer ")) return make_error(ErrorCode::Unauthorized);
    auto lease = TRY(app.database());
    request.principal = TRY(auth::authenticate(*lease, std::string_view(header).substr(7), app.clock().now()));
    if (request.principal->password_change_required && !route.open_during_password_change)
        return make_error(ErrorCode::PasswordChangeRequired, "Ganti kata sandi dulu (POST /api/auth/password)");
    if (route.access == Access::Permission && !request.principal->can(route.permission))
        return make_error(ErrorCode::Forbidden, "Izin '" + route.permission + "' diperlukan");
    return {};
}

static bool is_api_path(const std::string& path) {
    return path.starts_with("/api/") || path == "/api" || path.starts_with("/billing") || path.starts_with("/payment/") ||
           path.starts_with("/isolir");
}

static Response dispatch_route(app::App& app, Request& request);

Response dispatch(app::App& app, Request& request) {
    // The public endpoints a landing page on another origin calls carry CORS headers.
    if (!is_cors_path(request.path)) return dispatch_route(app, request);
    if (request.method == "OPTIONS") return cors_preflight(app, request);
    Response response = dispatch_route(app, request);
    add_cors_headers(app, request, response);
    return response;
}

static Response dispatch_route(app::App& app, Request& request) {
    try {
        const RouteMatch match = app.router().match(request);
        if (!match.route) {
            if (match.path_matched) return json_error(make_error(ErrorCode::MethodNotAllowed));
            if (!is_api_path(request.path) && (request.method == "GET" || request.method == "HEAD")) {
                if (auto file = serve_static(app.config(), request.path)) return *file;
            }
            return json_error(make_error(ErrorCode::NotFound, "No route for " + request.method + " " + request.path));
        }
        if (request.body.size() > match.route->max_body) return json_error(make_error(ErrorCode::PayloadTooLarge));
        if (auto allowed = authorize(app, *match.route, request); !allowed) return json_error(allowed.error());
        if (auto blocked = two_factor_enrollment_gate(app, *match.route, request)) return *blocked;
        auto result = match.route->handler(request);
        if (!result) return json_error(result.error());
        return std::move(result).value();
    } catch (const std::exception& exception) {
        return json_error(make_error(ErrorCode::Internal, exception.what()));
    }
}

}  // namespace kimonet::http
