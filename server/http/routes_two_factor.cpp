// Staff two-factor sign-in (auth/two_factor.hpp): the second login step, enrolment with a QR
// code, confirmation with recovery codes, disabling, and the per-role rule.
#include "http/routes_two_factor.hpp"

#include "auth/two_factor.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

namespace {

struct TwoFactorFields {
    std::string challenge, code, recovery_code, password;
};

Result<TwoFactorFields> read_fields(const Request& request, std::initializer_list<const char*> required) {
    const auto body = TRY(json_body(request));
    api::FieldReader reader(body);
    TwoFactorFields fields;
    reader.read("challenge", fields.challenge);
    reader.read("code", fields.code);
    reader.read("recovery_code", fields.recovery_code);
    reader.read("password", fields.password);
    if (!reader.ok()) return validation_error(reader.errors());
    FieldErrors errors;
    for (const char* name : required) {
        const std::string_view field = name;
        const std::string& value = field == "challenge" ? fields.challenge : field == "password" ? fields.password : fields.code;
        if (field == "code" && fields.code.empty() && !fields.recovery_code.empty()) continue;  // either one
        if (value.empty()) errors[name] = messages::kRequired;
    }
    if (!errors.empty()) return validation_error(std::move(errors));
    return fields;
}

Route route(const char* method, const char* pattern, Access access, const char* summary, Handler handler) {
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.access = access;
    route.summary = summary;
    route.max_body = 4 << 10;
    route.handler = std::move(handler);
    return route;
}

}  // namespace

std::optional<Response> two_factor_enrollment_gate(app::App& app, const Route& route, const Request& request) {
    if (!request.principal || request.principal->is_customer()) return std::nullopt;
    if (auth::allowed_before_two_factor_enrollment(route.method, route.pattern)) return std::nullopt;
    auto required = [&]() -> Result<bool> {
        auto lease = TRY(app.database());
        return auth::two_factor_enrollment_required(*lease, request.principal->id);
    }();
    if (!required) return json_error(required.error());
    if (!*required) return std::nullopt;
    // Its own code (not the table's "forbidden"), so the browser app can open Keamanan akun.
    const api::Json body{{"success", false},
                         {"error", {{"code", "two_factor_enrollment_required"},
                                    {"message", "Aktifkan verifikasi dua langkah dulu di menu Keamanan akun"}}}};
    return Response{403, "application/json", body.dump(), {}};
}

void register_two_factor_routes(Router& router, app::App& app) {
    router.add(route("POST", "/api/auth/login/two-factor", Access::Public,
                     "Second sign-in step: {challenge, code} or {challenge, recovery_code} → the login token answer",
                     [&app](Request& request) -> RouteResult {
                         const auto fields = TRY(read_fields(request, {"challenge", "code"}));
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             auto result = TRY(auth::complete_two_factor_login(context, fields.challenge, {fields.code, fields.recovery_code},
                                                                               app.config().token_ttl_seconds));
                             auto user = auth::principal_json(result.principal, std::nullopt);
                             user["two_factor_enrollment_required"] = false;  // enrolled, or there would be no challenge
                             user["company"] = TRY(services::get_setting(context.db, "company_name"));  // printed receipts
                             user["time_zone"] = to_string(context.offset);  // the app's dates and times
                             return json_ok({{"token", result.token}, {"expires_at", result.expires_at}, {"user", user}});
                         });
                     }));

    router.add(route("GET", "/api/auth/two-factor", Access::Authenticated, "The caller's two-factor state",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             return json_data(auth::two_factor_status(context.db, request.who()));
                         });
                     }));

    router.add(route("POST", "/api/auth/two-factor/enroll", Access::Authenticated,
                     "{password} → a new pending secret, its otpauth:// URI and QR module matrix",
                     [&app](Request& request) -> RouteResult {
                         const auto fields = TRY(read_fields(request, {"password"}));
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             auto enrollment = TRY(auth::begin_two_factor_enrollment(context, request.who(), fields.password));
                             return json_ok({{"data",
                                              {{"secret", enrollment.secret}, {"otpauth_uri", enrollment.otpauth_uri}, {"qr", enrollment.qr}}}});
                         });
                     }));

    router.add(route("POST", "/api/auth/two-factor/confirm", Access::Authenticated,
                     "{code} → enables two-factor sign-in and returns the recovery codes (shown once)",
                     [&app](Request& request) -> RouteResult {
                         const auto fields = TRY(read_fields(request, {"code"}));
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             auto codes = TRY(auth::confirm_two_factor_enrollment(context, request.who(), fields.code));
                             return json_ok({{"data", {{"recovery_codes", codes}}}});
                         });
                     }));

    router.add(route("POST", "/api/auth/two-factor/disable", Access::Authenticated,
                     "{password, code} or {password, recovery_code} → two-factor sign-in off",
                     [&app](Request& request) -> RouteResult {
                         const auto fields = TRY(read_fields(request, {"password", "code"}));
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             TRY_VOID(auth::disable_two_factor(context, request.who(), fields.password, {fields.code, fields.recovery_code}));
                             return json_ok();
                         });
                     }));

    Route role_rule = route("PUT", "/api/roles/{id}/two-factor", Access::Permission,
                            "{required} → users of the role must enrol before anything but /api/me",
                            [&app](Request& request) -> RouteResult {
                                const auto body = TRY(json_body(request));
                                api::FieldReader reader(body);
                                bool required = false;
                                reader.read("required", required);
                                if (!reader.ok() || !body.contains("required")) return validation_error({{"required", messages::kRequired}});
                                return with_context(app, request, [&](app::Context& context) -> RouteResult {
                                    TRY_VOID(auth::set_role_requires_two_factor(context, request.id_param(), required));
                                    return json_ok({{"data", {{"id", request.id_param()}, {"require_two_factor", required}}}});
                                });
                            });
    role_rule.permission = "roles.update";
    router.add(std::move(role_rule));
}

}  // namespace kimonet::http
