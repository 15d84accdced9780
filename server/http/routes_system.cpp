#include "http/openapi.hpp"
#include "http/routes.hpp"
#include "store/database_control.hpp"

namespace kimonet::http {

void register_system_routes(Router& router, app::App& app) {
    Route health;
    health.method = "GET";
    health.pattern = "/api/health";
    health.access = Access::Public;
    health.summary = "Liveness check";
    health.handler = [](Request&) -> RouteResult { return json_ok({{"status", "ok"}}); };
    router.add(std::move(health));

    // Readiness for a load balancer in front of N servers: 200 when this server can reach the
    // database now, 503 when it cannot (its pool could not connect or the ping failed), so traffic
    // moves to a server that can. Says nothing else (no engine, version or host).
    Route ready;
    ready.method = "GET";
    ready.pattern = "/api/ready";
    ready.access = Access::Public;
    ready.summary = "Readiness check: the database answers";
    ready.handler = [&app](Request&) -> RouteResult {
        auto lease = app.database();
        if (!lease || !store::ping(**lease)) return make_error(ErrorCode::Unavailable);
        return json_ok({{"status", "ok"}});
    };
    router.add(std::move(ready));

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
}

}  // namespace kimonet::http
