#include "api/dto.hpp"
#include "auth/auth_service.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"
#include "security/crypto.hpp"
#include "services/customer_service.hpp"
#include "services/package_service.hpp"
#include "store/customer_store.hpp"

namespace kimonet::http {

// The customer portal's own record: every route here is scoped to request.who().id,
// so a customer can never name another customer's id.
void register_portal_routes(Router& router, app::App& app) {
    router.add("GET", "/api/portal/me", "portal.self", "My customer record and package", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            const Customer customer = TRY(services::get_customer(context.db, request.who().id));
            const Package package = TRY(services::get_package(context.db, customer.package_id));
            return json_ok({{"customer", api::to_json(customer)}, {"package", api::to_json(package)}});
        });
    });
    router.add("PUT", "/api/portal/profile", "portal.self", "Change my phone and email", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        api::Json changes = api::Json::object();
        FieldErrors fields;
        for (const auto& [key, value] : body.items()) {
            if (key == "phone" || key == "email") changes[key] = value;
            else fields[key] = messages::kNotEditableFromPortal;
        }
        if (!fields.empty()) return validation_error(std::move(fields));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            const Customer customer = TRY(services::update_customer(context, request.who().id, changes));
            return json_ok({{"customer", api::to_json(customer)}});
        });
    });
    router.add("POST", "/api/portal/password", "portal.self", "Change my password ({current_password, new_password})",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   api::FieldReader reader(body);
                   std::string current, replacement;
                   reader.read("current_password", current);
                   reader.read("new_password", replacement);
                   if (reader.ok() && replacement.empty()) reader.add_error("new_password", messages::kRequired);
                   if (!reader.ok()) return validation_error(reader.errors());
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       // The same rules as staff (issue 14): libpwquality, wrong current passwords count as
                       // failed logins, and every other session of the customer ends.
                       TRY_VOID(auth::change_own_password(context, request.who(), current, replacement));
                       return json_ok();
                   });
               });
}

}  // namespace kimonet::http
