#include "http/dispatcher.hpp"

#include <cstdio>
#include <exception>
#include <random>

#include "app/app.hpp"
#include "auth/auth_service.hpp"
#include "http/cors.hpp"
#include "http/routes_two_factor.hpp"
#include "http/static_files.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

Result<void> authorize(app::App& app, const Route& route, Request& request) {
    if (route.access == Access::Public) return {};
    std::string header = request.header("authorization");
    if (!header.starts_with("Bearer ")) return make_error(ErrorCode::Unauthorized);
    auto lease = TRY(app.database());
    request.principal = TRY(auth::authenticate(*lease, std::string_view(header).substr(7), app.clock().now()));
    if (request.principal->password_change_required && !route.open_during_password_change)
        return make_error(ErrorCode::PasswordChangeRequired, messages::kChangePasswordFirst);
    if (route.access == Access::Permission && !request.principal->can(route.permission))
        return make_error(ErrorCode::Forbidden, messages::with_detail(messages::kPermissionRequired, route.permission));
    return {};
}

static bool is_api_path(const std::string& path) {
    return path.starts_with("/api/") || path == "/api" || path.starts_with("/billing") || path.starts_with("/payment/") ||
           path.starts_with("/isolir");
}

// The detail goes to the server log under a random reference the caller can quote; the caller
// gets `code`'s own message and the reference.
static Response logged_error(ErrorCode code, const char* message, const std::string& detail) {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    char reference[17];
    std::snprintf(reference, sizeof reference, "%016llx", static_cast<unsigned long long>(generator()));
    std::fprintf(stderr, "%s error %s: %s\n", code == ErrorCode::Internal ? "internal" : "database", reference, detail.c_str());
    Response response = json_error(make_error(code, messages::with_detail(message, reference)));
    response.headers["X-Error-Reference"] = reference;
    return response;
}

// A 500 tells the caller nothing about the inside (no exception text, no SQLite message, no
// file paths).
static Response internal_error(const std::string& detail) { return logged_error(ErrorCode::Internal, messages::kInternalWithReference, detail); }

// An error the database raised (a constraint hit by a race, a lock timeout) carries the statement
// and the engine's own text: table and column names, and on PostgreSQL the DETAIL with the
// conflicting value, another customer's phone for instance. Its code still tells the caller what
// to do (409, 503 try again); its words stay in the log.
static bool raised_by_the_database(const Error& error) { return error.message().starts_with(messages::kDatabaseStatementFailed); }

Response error_response(const Error& error) {
    if (error.http_status() >= 500 && error.code != ErrorCode::BadGateway && error.code != ErrorCode::Unavailable)
        return internal_error(error.message());
    if (raised_by_the_database(error)) {
        const char* message = error.code == ErrorCode::Unavailable ? messages::kUnavailableWithReference : messages::kConflictWithReference;
        return logged_error(error.code, message, error.message());
    }
    return json_error(error);
}

static Response dispatch_route(app::App& app, Request& request);

// The policy of a static file of the app: an HTML page (the app opened as /index.html; GET / is
// site_root's, which keeps the setting) names the operator's tile server; every other file, and a
// page when the setting cannot be read, has the strict static policy (a script's or an image's
// own policy governs nothing the page loads).
static std::string static_file_policy(app::App& app, const Request& request) {
    if (!request.path.ends_with(".html") || request.path.starts_with("/landing/")) return kStaticPagePolicy;
    auto lease = app.database();
    if (!lease) return kStaticPagePolicy;
    const auto tile_url = services::get_setting(**lease, "map_tile_url");
    return tile_url ? app_page_policy(*tile_url) : std::string(kStaticPagePolicy);
}

Response dispatch(app::App& app, Request& request) {
    try {
        // The public endpoints a landing page on another origin calls carry CORS headers.
        if (!is_cors_path(request.path)) return dispatch_route(app, request);
        if (request.method == "OPTIONS") return cors_preflight(app, request);
        Response response = dispatch_route(app, request);
        add_cors_headers(app, request, response);
        return response;
    } catch (const std::exception& exception) {
        return internal_error(exception.what());
    }
}

static Response dispatch_route(app::App& app, Request& request) {
    try {
        RouteMatch match = app.router().match(request);
        // HEAD is a GET without its body (RFC 9110 9.3.2; the transport drops the body): monitors and
        // link checkers use it. Only for public routes: a staff GET may do what a HEAD should not (a
        // download that marks what it carried).
        if (!match.route && request.method == "HEAD") {
            request.method = "GET";
            RouteMatch as_get = app.router().match(request);
            request.method = "HEAD";
            if (as_get.route && as_get.route->access == Access::Public) match = as_get;
        }
        if (!match.route) {
            if (match.path_matched) return json_error(make_error(ErrorCode::MethodNotAllowed));
            if (!is_api_path(request.path) && (request.method == "GET" || request.method == "HEAD")) {
                if (auto file = serve_static(app.config(), request, static_file_policy(app, request))) return *file;
            }
            return json_error(make_error(ErrorCode::NotFound, messages::with_detail(messages::kNoRoute, request.method + " " + request.path)));
        }
        if (request.body.size() > match.route->max_body) return json_error(make_error(ErrorCode::PayloadTooLarge));
        if (auto allowed = authorize(app, *match.route, request); !allowed) return error_response(allowed.error());
        if (auto blocked = two_factor_enrollment_gate(app, *match.route, request)) return *blocked;
        auto result = match.route->handler(request);
        if (!result) return error_response(result.error());
        return std::move(result).value();
    } catch (const api::Json::exception& exception) {
        // A JSON value of the wrong type or shape read past a DTO check: the caller's mistake.
        std::fprintf(stderr, "bad request body for %s %s: %s\n", request.method.c_str(), request.path.c_str(), exception.what());
        return json_error(make_error(ErrorCode::BadRequest, messages::kWrongTypeOrMissing));
    } catch (const std::exception& exception) {
        return internal_error(exception.what());
    } catch (...) {
        return internal_error("unknown exception");
    }
}

}  // namespace kimonet::http
