#include "api/dto.hpp"
#include "http/routes.hpp"
#include "services/router_service.hpp"

namespace kimonet::http {

void register_router_routes(Router& router, app::App& app) {
    router.add("GET", "/api/routers", "routers.read", "List routers (passwords are never returned)", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto routers = TRY(services::list_routers(context.db));
            api::Json rows = api::Json::array();
            for (const auto& item : routers) rows.push_back(api::to_json(item));
            return json_list(std::move(rows), static_cast<std::int64_t>(routers.size()));
        });
    });
    router.add("POST", "/api/routers", "routers.create", "Create a router (password write-only)", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::create_router(context, body), 201);
        });
    });
    router.add("GET", "/api/routers/{id}", "routers.read", "Get a router", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_router(context.db, request.id_param()));
        });
    });
    router.add("PUT", "/api/routers/{id}", "routers.update", "Update a router (empty password keeps the stored one)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::update_router(context, request.id_param(), body));
                   });
               });
    router.add("DELETE", "/api/routers/{id}", "routers.delete", "Delete an unused router", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            TRY_VOID(services::delete_router(context, request.id_param()));
            return json_ok();
        });
    });
}

}  // namespace kimonet::http
