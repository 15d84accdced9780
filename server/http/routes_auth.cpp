#include "auth/auth_service.hpp"
#include "auth/session_service.hpp"
#include "auth/two_factor.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

static std::optional<std::int64_t> customer_id_of(const Principal& principal) {
    if (principal.is_customer()) return principal.id;
    return std::nullopt;
}

// The caller's own password and sessions (any logged-in staff user or customer).
static void register_own_account_routes(Router& router, app::App& app) {
    Route password;
    password.method = "POST";
    password.pattern = "/api/auth/password";
    password.access = Access::Authenticated;
    password.summary = "Change one's own password ({current_password,new_password}); revokes every other session";
    password.max_body = 16 << 10;
    password.open_during_password_change = true;
    password.handler = [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        api::FieldReader reader(body);
        std::string current_password, new_password;
        reader.read("current_password", current_password);
        reader.read("new_password", new_password);
        if (reader.ok() && current_password.empty()) reader.add_error("current_password", messages::kRequired);
        if (reader.ok() && new_password.empty()) reader.add_error("new_password", messages::kRequired);
        if (!reader.ok()) return validation_error(reader.errors());
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            TRY_VOID(auth::change_own_password(context, request.who(), current_password, new_password));
            return json_ok({{"password_change_required", false}});
        });
    };
    router.add(std::move(password));

    Route sessions;
    sessions.method = "GET";
    sessions.pattern = "/api/auth/sessions";
    sessions.access = Access::Authenticated;
    sessions.summary = "The caller's own live sessions (id, created_at, expires_at, client_ip, user_agent, current)";
    sessions.handler = [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto rows = TRY(auth::list_own_sessions(context, request.who()));
            const auto total = static_cast<std::int64_t>(rows.size());
            return json_list(std::move(rows), total);
        });
    };
    router.add(std::move(sessions));

    Route revoke;
    revoke.method = "DELETE";
    revoke.pattern = "/api/auth/sessions/{id}";
    revoke.access = Access::Authenticated;
    revoke.summary = "Revoke one of the caller's own sessions (another's is 404)";
    revoke.handler = [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            TRY_VOID(auth::revoke_own_session(context, request.who(), request.id_param()));
            return json_ok();
        });
    };
    router.add(std::move(revoke));
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
            auto result = TRY(auth::login(context, username, password, app.config().token_ttl_seconds, request.header("user-agent")));
            // Two-factor sign-in: no token yet, only the challenge for POST /api/auth/login/two-factor.
            if (!result.two_factor_challenge.empty())
                return json_ok({{"two_factor_required", true}, {"challenge", result.two_factor_challenge}, {"expires_at", result.expires_at}});
            auto user = auth::principal_json(result.principal, customer_id_of(result.principal));
            if (!result.principal.is_customer())
                user["two_factor_enrollment_required"] = TRY(auth::two_factor_enrollment_required(context.db, result.principal.id));
            user["company"] = TRY(services::get_setting(context.db, "company_name"));  // the ISP's name on printed receipts
            user["time_zone"] = to_string(context.offset);  // the ISP's zone: the app shows dates and times in it
            return json_ok({{"token", result.token},
                            {"expires_at", result.expires_at},
                            {"password_change_required", result.principal.password_change_required},
                            {"user", user}});
        });
    };
    router.add(std::move(login));

    Route logout;
    logout.method = "POST";
    logout.pattern = "/api/auth/logout";
    logout.access = Access::Authenticated;
    logout.summary = "Revoke the current token";
    logout.open_during_password_change = true;
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
    me.open_during_password_change = true;
    me.handler = [&app](Request& request) -> RouteResult {
        auto user = auth::principal_json(request.who(), customer_id_of(request.who()));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            user["company"] = TRY(services::get_setting(context.db, "company_name"));  // the ISP's name on printed receipts
            user["time_zone"] = to_string(context.offset);  // the ISP's zone: the app shows dates and times in it
            if (request.who().is_customer()) return json_ok({{"user", user}});
            // A role that demands two-factor sign-in: this account can do nothing else until it enrols.
            user["two_factor_enrollment_required"] = TRY(auth::two_factor_enrollment_required(context.db, request.who().id));
            return json_ok({{"user", user}});
        });
    };
    router.add(std::move(me));
    register_own_account_routes(router, app);
}

}  // namespace kimonet::http
