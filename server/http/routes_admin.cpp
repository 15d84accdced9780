#include "auth/rbac_store.hpp"
#include "auth/user_service.hpp"
#include "http/routes.hpp"
#include "services/activity_log.hpp"
#include "services/company_logo.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

static void register_user_routes(Router& router, app::App& app) {
    router.add("GET", "/api/users", "users.read", "List staff users", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto users = TRY(auth::list_users(context.db));
            const auto total = static_cast<std::int64_t>(users.size());
            return json_list(std::move(users), total);
        });
    });
    router.add("POST", "/api/users", "users.create", "Create a staff user", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(auth::create_user(context, body), 201);
        });
    });
    router.add("GET", "/api/users/{id}", "users.read", "Get a staff user", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(auth::get_user(context.db, request.id_param()));
        });
    });
    router.add("PUT", "/api/users/{id}", "users.update", "Update a staff user (full_name, password, role, active)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(auth::update_user(context, request.id_param(), body));
                   });
               });
    router.add("DELETE", "/api/users/{id}", "users.delete", "Deactivate a staff user and revoke their tokens",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(auth::deactivate_user(context, request.id_param()));
                   });
               });
}

static void register_role_routes(Router& router, app::App& app) {
    router.add("GET", "/api/roles", "roles.read", "List roles with their permissions", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto roles = TRY(auth::list_roles(context.db));
            const auto total = static_cast<std::int64_t>(roles.size());
            return json_list(std::move(roles), total);
        });
    });
    router.add("POST", "/api/roles", "roles.update", "Create a role with permissions", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(auth::create_role(context, body), 201);
        });
    });
    router.add("PUT", "/api/roles/{id}/permissions", "roles.update", "Replace a role's permissions",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(auth::set_role_permissions(context, request.id_param(), body));
                   });
               });
}

// The company logo: uploaded as the file's bytes (checked by content, services/company_logo.hpp),
// removed, and served to the public pages and the app.
static void register_logo_routes(Router& router, app::App& app) {
    Route upload{"POST", "/api/settings/logo", Access::Permission, "settings.update",
                 "Upload the company logo: body = the PNG or JPEG file's bytes (at most 256 KB, 16-1024 px a side; the type is read "
                 "from the bytes, SVG and files carrying markup are refused); 201 {content_type, width, height}",
                 [&app](Request& request) -> RouteResult {
                     return with_context(app, request, [&](app::Context& context) -> RouteResult {
                         const auto image = TRY(services::save_company_logo(context, request.body));
                         return json_ok({{"data", {{"content_type", image.content_type}, {"width", image.width}, {"height", image.height}}}}, 201);
                     });
                 }};
    upload.max_body = 1u << 20;  // a larger body is 413; up to here the answer says the limit in words (422)
    router.add(std::move(upload));
    router.add("DELETE", "/api/settings/logo", "settings.update", "Remove the uploaded company logo", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            TRY_VOID(services::remove_company_logo(context));
            return json_ok();
        });
    });
    router.add(Route{"GET", "/api/logo", Access::Public, "", "The company logo (PNG or JPEG) for the public pages and invoices; 404 when none",
                     [&app](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             auto logo = TRY(services::company_logo(context.db));
                             if (!logo) return make_error(ErrorCode::NotFound, messages::kNotFound);
                             Response response = bytes(std::move(logo->bytes), logo->image.content_type);
                             response.headers["Cache-Control"] = "public, max-age=300";
                             return response;
                         });
                     }});
}

void register_admin_routes(Router& router, app::App& app) {
    register_user_routes(router, app);
    register_role_routes(router, app);
    router.add("GET", "/api/activity", "activity.read", "Activity log (subject_type, subject_id, actor, page, per_page)",
               [&app](Request& request) -> RouteResult {
                   services::ActivityQuery query;
                   auto [page, per_page] = TRY(pagination(request, 50));
                   query.page = page;
                   query.per_page = per_page;
                   query.subject_type = request.query_value("subject_type");
                   query.actor_name = request.query_value("actor");
                   if (auto id = request.query_value("subject_id"); !id.empty()) query.subject_id = std::atoll(id.c_str());
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto result = TRY(services::list_activity(context.db, query));
                       return json_list(std::move(result.rows), result.total, {{"page", query.page}, {"per_page", query.per_page}});  // the query's copies: clang 14 cannot capture bindings
                   });
               });
    router.add("GET", "/api/settings", "settings.read", "All settings (secrets only say whether they are set), their definitions, and the logo in use ({content_type, width, height} or null)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       // The definitions let the browser app build its forms (secrets: no default shown).
                       api::Json definitions = api::Json::array();
                       for (const auto& definition : services::setting_definitions())
                           definitions.push_back({{"key", definition.key},
                                                  {"secret", definition.secret},
                                                  {"description", definition.description},
                                                  {"default", definition.secret ? "" : definition.default_value}});
                       api::Json settings = TRY(services::settings_for_api(context.db));
                       // The logo the invoices and public pages use (uploaded, or the company_logo file), or null.
                       api::Json logo;
                       if (auto found = TRY(services::company_logo(context.db)))
                           logo = {{"content_type", found->image.content_type}, {"width", found->image.width}, {"height", found->image.height}};
                       return json_ok({{"data", std::move(settings)}, {"definitions", std::move(definitions)}, {"logo", std::move(logo)}});
                   });
               });
    router.add("PUT", "/api/settings", "settings.update", "Update settings ({key: string value})", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        std::map<std::string, std::string> values;
        FieldErrors fields;
        for (const auto& [key, value] : body.items()) {
            if (value.is_string()) values[key] = value.get<std::string>();
            else if (value.is_number_integer()) values[key] = std::to_string(value.get<std::int64_t>());
            else if (value.is_boolean()) values[key] = value.get<bool>() ? "true" : "false";
            else fields[key] = messages::kWrongType;
        }
        if (!fields.empty()) return validation_error(std::move(fields));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            TRY_VOID(services::update_settings(context, values));
            return json_data(services::settings_for_api(context.db));
        });
    });
    register_logo_routes(router, app);
}

}  // namespace kimonet::http
