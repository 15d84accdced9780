// Network control over HTTP: router test, isolate/restore, isolation log, drift and sync,
// pending actions, the automatic isolir run, RouterOS snippets, and the public isolir page.
#include <memory>

#include "http/public_limit.hpp"
#include "http/routes.hpp"
#include "services/network_reconcile.hpp"
#include "services/network_service.hpp"
#include "services/router_test.hpp"
#include "services/network_status.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

std::string isolir_page(const app::App& app, app::Context& context, const Request& request);
api::Json routeros_snippets(app::Context& context);
void register_isolir_promise_route(Router& router, app::App& app);  // isolir_promise.cpp

namespace {

std::string reason_from(const api::Json& body) {
    auto it = body.find("reason");
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void register_network_routes(Router& router, app::App& app) {
    router.add("POST", "/api/routers/{id}/test", "network.read", "Test the router: both RouterOS interfaces (API, REST) diagnosed, version/uptime/board/CPU",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto examination = TRY(services::examine_router(context, request.id_param()));
                       // Every test is also the latest word on the router's reachability (public network status).
                       const bool works = !examination.failure;
                       TRY_VOID(services::record_router_reachability(context.db, request.id_param(), works,
                                                                     works ? std::string() : examination.failure->message(), context.now));
                       if (works) return json_ok({{"data", services::to_json(examination.test)}});
                       // A failing test keeps the error envelope and adds what each interface does
                       // (the browser says what to do about each, and which one would work).
                       Response response = json_error(*examination.failure);
                       api::Json body = api::Json::parse(response.body);
                       body["data"] = services::to_json(examination.test);
                       response.body = body.dump(-1, ' ', false, api::Json::error_handler_t::replace);
                       return response;
                   });
               });
    router.add("POST", "/api/customers/{id}/isolate", "network.control", "Isolate a customer on their router {\"reason\"}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto outcome = TRY(services::isolate(context, request.id_param(), reason_from(body)));
                       return json_ok({{"data", services::to_json(outcome)}}, outcome.result == "pending" ? 202 : 200);
                   });
               });
    router.add("POST", "/api/customers/{id}/restore", "network.control", "Restore an isolated customer's package profile",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto outcome = TRY(services::restore(context, request.id_param(), reason_from(body)));
                       return json_ok({{"data", services::to_json(outcome)}}, outcome.result == "pending" ? 202 : 200);
                   });
               });
    router.add("GET", "/api/customers/{id}/isolation-log", "network.read", "A customer's isolation and restore history",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto rows = TRY(services::isolation_log(context.db, request.id_param()));
                       const auto total = static_cast<std::int64_t>(rows.size());
                       return json_list(std::move(rows), total);
                   });
               });
    router.add("GET", "/api/network/drift", "network.read", "Compare each customer's expected profile with the routers (router_id)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       std::optional<std::int64_t> router_id;
                       if (auto text = request.query_value("router_id"); !text.empty()) router_id = std::atoll(text.c_str());
                       return json_data(services::network_drift(context, false, router_id));
                   });
               });
    router.add("POST", "/api/network/sync", "network.control", "Repair profile drift on the routers and retry pending actions",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto pending = TRY(services::process_pending_network_actions(context));
                       auto drift = TRY(services::network_drift(context, true));
                       drift["pending"] = {{"due", pending.due}, {"applied", pending.applied}, {"still_pending", pending.still_pending},
                                           {"failed", pending.failed}};
                       return json_ok({{"data", drift}});
                   });
               });
    router.add("POST", "/api/network/isolir/auto", "network.control", "Run the automatic isolir now {\"dry_run\", \"force\"}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       services::AutoIsolateOptions options;
                       options.dry_run = body.value("dry_run", false);
                       options.ignore_schedule_window = body.value("force", false);
                       return json_data(services::auto_isolate(context, options));
                   });
               });
    router.add("GET", "/api/network/snippets", "network.read", "RouterOS commands for the isolir redirect and walled garden",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_ok({{"data", routeros_snippets(context)}});
                   });
               });

    Route page;
    page.method = "GET";
    page.pattern = "/isolir";
    page.access = Access::Public;
    page.summary = "The page isolated customers are redirected to (?u=<pppoe user>); masked name, rate limited per IP";
    // Every HTTP request of an isolated customer lands here, so the allowance is generous; the
    // limit stops one source from enumerating ?u= or keeping workers busy.
    auto limiter = std::make_shared<RateLimiter>();
    page.handler = [&app, limiter](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            const int per_minute = static_cast<int>(TRY(services::get_setting_int(context.db, "billing_check_rate_per_minute"))) * 4;
            if (auto refused = refuse_when_limited(*limiter, "isolir", request, context, per_minute, messages::kTooManyRequests, true))
                return *refused;
            return html(isolir_page(app, context, request));
        });
    };
    router.add(std::move(page));
    register_isolir_promise_route(router, app);
}

}  // namespace kimonet::http
