// Outages that pause billing (issue 21, docs/outages.md): staff open, edit, close and list them.
// The public side is in GET /api/network-status (routes_landing.cpp).
#include "http/routes.hpp"
#include "services/outage_service.hpp"

namespace kimonet::http {

void register_outage_routes(Router& router, app::App& app) {
    router.add("GET", "/api/outages", "outages.read",
               "Outages, newest first (ongoing only unless all=1), with affected customers, notices queued and credits",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto rows = TRY(services::list_outages(context.db, context.now, context.offset, request.query_value("all") == "1"));
                       const auto total = static_cast<std::int64_t>(rows.size());
                       return json_list(std::move(rows), total);
                   });
               });
    router.add("GET", "/api/outages/{id}", "outages.read", "One outage", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_outage(context.db, request.id_param(), context.now, context.offset));
        });
    });
    router.add("POST", "/api/outages", "outages.manage",
               "Open an outage {title, cause?, target_kind router|olt|pon_port|odc|odp|area, target_id?, area_name?, area_shape? "
               "(circle:lat,lon,radius_m | polygon:lat,lon;…), started_at? (unix or \"YYYY-MM-DD HH:MM\", at most 48 h ago), "
               "expected_end_at?}: the customers below it are fixed, get a start notice, and their dunning and isolation pause",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::create_outage(context, body), 201);
                   });
               });
    router.add("PUT", "/api/outages/{id}", "outages.manage", "Change an outage's title, cause, area name or expected end (no notice again)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::update_outage(context, request.id_param(), body));
                   });
               });
    router.add("POST", "/api/outages/{id}/close", "outages.manage",
               "End an outage {ended_at?}: end notices, SLA credits by the settings' rule; 409 when it has already ended",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::close_outage(context, request.id_param(), body));
                   });
               });
}

}  // namespace kimonet::http
