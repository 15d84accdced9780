#include "http/openapi.hpp"
#include "http/routes.hpp"

namespace kimonet::http {

void register_system_routes(Router& router, app::App& app) {
    Route health;
    health.method = "GET";
    health.pattern = "/api/health";
    health.access = Access::Public;
    health.summary = "Liveness check";
    health.handler = [](Request&) -> RouteResult { return json_ok({{"status", "ok"}}); };
    router.add(std::move(health));

    Route openapi;
    openapi.method = "GET";
    openapi.pattern = "/api/openapi.json";
    openapi.access = Access::Public;
    openapi.summary = "This API as an OpenAPI 3 document";
    openapi.handler = [&router](Request&) -> RouteResult {
        Response response;
        response.body = openapi_document(router).dump(2);
        return response;
    };
    router.add(std::move(openapi));
    (void)app;
}

}  // namespace kimonet::http
