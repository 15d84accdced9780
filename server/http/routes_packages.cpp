#include "api/dto.hpp"
#include "http/routes.hpp"
#include "services/package_service.hpp"

namespace kimonet::http {

void register_package_routes(Router& router, app::App& app) {
    router.add("GET", "/api/packages", "packages.read", "List packages (?active=true for active only)", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto packages = TRY(services::list_packages(context.db, request.query_value("active") == "true"));
            api::Json rows = api::Json::array();
            for (const auto& package : packages) rows.push_back(api::to_json(package));
            return json_list(std::move(rows), static_cast<std::int64_t>(packages.size()));
        });
    });
    router.add("POST", "/api/packages", "packages.create", "Create a package", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::create_package(context, body), 201);
        });
    });
    router.add("GET", "/api/packages/{id}", "packages.read", "Get a package", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_package(context.db, request.id_param()));
        });
    });
    router.add("PUT", "/api/packages/{id}", "packages.update", "Update a package", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::update_package(context, request.id_param(), body));
        });
    });
    router.add("DELETE", "/api/packages/{id}", "packages.delete", "Deactivate a package", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::deactivate_package(context, request.id_param()));
        });
    });
}

}  // namespace kimonet::http
