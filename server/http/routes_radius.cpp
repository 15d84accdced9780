// RADIUS over HTTP (issue 19). Two routes FreeRADIUS's rlm_rest calls (public in the route table,
// guarded by their own credential: HTTP Basic "freeradius:<radius_api_secret>", compared in
// constant time over digests; closed like an unknown path until a secret is set), and three for
// staff: a customer's sessions and usage, and each router's NAS settings for CoA.
// Bodies are bounded: a RADIUS packet is at most 4096 octets (RFC 2865 §3), so rlm_rest's JSON
// of one stays well under kMaxRadiusBody even with every octet escaped.
#include "http/routes.hpp"
#include "services/radius_service.hpp"

namespace kimonet::http {

namespace {

constexpr std::size_t kMaxRadiusBody = 32 * 1024;

Response rlm_rest_answer(const services::RadiusAnswer& answer) {
    Response response;
    response.status = answer.status;
    if (answer.status == 200) response.body = answer.body.dump();
    return response;
}

template <typename Handle>
Route freeradius_route(app::App& app, const std::string& path, const std::string& summary, Handle handle) {
    return Route{"POST", path, Access::Public, "", summary,
                 [&app, handle](Request& request) -> RouteResult {
                     return with_context(app, request, [&](app::Context& context) -> RouteResult {
                         const auto caller = TRY(services::radius_caller(context, request.header("authorization")));
                         if (caller == services::RadiusCaller::Closed)
                             return make_error(ErrorCode::NotFound, messages::with_detail(messages::kNoRoute, request.method + " " + request.path));
                         if (caller == services::RadiusCaller::Refused) return make_error(ErrorCode::Unauthorized, messages::kWrongCredentials);
                         const auto body = TRY(json_body(request));
                         return rlm_rest_answer(TRY(handle(context, body)));
                     });
                 },
                 kMaxRadiusBody};
}

}  // namespace

void register_radius_routes(Router& router, app::App& app);

void register_radius_routes(Router& router, app::App& app) {
    router.add(freeradius_route(app, "/api/radius/authorize",
                                "FreeRADIUS rlm_rest authorize (Basic freeradius:<radius_api_secret>): control:Cleartext-Password and reply "
                                "attributes of a RADIUS customer, 404 for anyone else",
                                [](app::Context& context, const api::Json& body) { return services::radius_authorize(context, body); }));
    router.add(freeradius_route(app, "/api/radius/accounting",
                                "FreeRADIUS rlm_rest accounting (Basic freeradius:<radius_api_secret>): Start / Interim-Update / Stop, "
                                "stored once per Acct-Session-Id; 204",
                                [](app::Context& context, const api::Json& body) { return services::radius_accounting(context, body); }));
    router.add("GET", "/api/customers/{id}/radius", "network.read", "A RADIUS customer's sessions: online now, last session, usage this month",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::customer_radius_summary(context, request.id_param()));
                   });
               });
    router.add("GET", "/api/routers/{id}/radius", "routers.read",
               "The router's NAS settings for RADIUS CoA (address, port, whether a secret is set) and the connection methods it offers",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::radius_nas_for_api(context, request.id_param()));
                   });
               });
    router.add("PUT", "/api/routers/{id}/radius", "routers.update",
               "Set the router's NAS settings {\"nas_address\",\"coa_port\",\"secret\",\"connection_methods\"} (the RADIUS secret is write-only)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::update_radius_nas(context, request.id_param(), body));
                   });
               });
}

}  // namespace kimonet::http
