#include "auth/auth_service.hpp"
#include "auth/two_factor.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"

namespace kimonet::http {

static std::optional<std::int64_t> customer_id_of(const Principal& principal) {
    if (principal.is_customer()) return principal.id;
    return std::nullopt;
}

void register_auth_routes(Router& router, app::App& app) {
    Route login;
    login.method = "POST";
    login.pattern = "/api/auth/login";
    login.access = Access::Public;
    login.summary = "Log in (staff username or customer nomor layanan) and get a bearer token";
    login.max_body = 16 << 10;
    login.handler = [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        api::FieldReader reader(body);
        std::string username, password;
        reader.read("username", username);
        reader.read("password", password);
        if (reader.ok() && username.empty()) reader.add_error("username", messages::kRequired);
        if (reader.ok() && password.empty()) reader.add_error("password", messages::kRequired);
        if (!reader.ok()) return validation_error(reader.errors());
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto result = TRY(auth::login(context, username, password, app.config().token_ttl_seconds));
            // Two-factor sign-in: no token yet, only the challenge for POST /api/auth/login/two-factor.
            if (!result.two_factor_challenge.empty())
                return json_ok({{"two_factor_required", true}, {"challenge", result.two_factor_challenge}, {"expires_at", result.expires_at}});
            auto user = auth::principal_json(result.principal, customer_id_of(result.principal));
            if (!result.principal.is_customer())
                user["two_factor_enrollment_required"] = TRY(auth::two_factor_enrollment_required(context.db, result.principal.id));
            return json_ok({{"token", result.token}, {"expires_at", result.expires_at}, {"user", user}});
        });
    };
    router.add(std::move(login));

    Route logout;
    logout.method = "POST";
    logout.pattern = "/api/auth/logout";
    logout.access = Access::Authenticated;
    logout.summary = "Revoke the current token";
    logout.handler = [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            TRY_VOID(auth::logout(context, request.who().token_id));
            return json_ok();
        });
    };
    router.add(std::move(logout));

    Route me;
    me.method = "GET";
    me.pattern = "/api/me";
    me.access = Access::Authenticated;
    me.summary = "The logged-in user or customer with role and permissions";
    me.handler = [&app](Request& request) -> RouteResult {
        auto user = auth::principal_json(request.who(), customer_id_of(request.who()));
        if (request.who().is_customer()) return json_ok({{"user", user}});
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            // A role that demands two-factor sign-in: this account can do nothing else until it enrols.
            user["two_factor_enrollment_required"] = TRY(auth::two_factor_enrollment_required(context.db, request.who().id));
            return json_ok({{"user", user}});
        });
    };
    router.add(std::move(me));
}

}  // namespace kimonet::http
