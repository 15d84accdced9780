#include "http/routes.hpp"
#include "services/dashboard_service.hpp"

namespace kimonet::http {

void register_dashboard_routes(Router& router, app::App& app) {
    router.add("GET", "/api/dashboard", "customers.read",
               "Dashboard: customers by status, billed vs collected this month, overdue, 12 months of revenue "
               "(money only with invoices.read), today's jobs and failures",
               [&app](Request& request) -> RouteResult {
                   const bool money = request.who().can("invoices.read");
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::dashboard_summary(context, money));
                   });
               });
}

}  // namespace kimonet::http
