#include "api/report_dto.hpp"
#include "http/routes.hpp"
#include "services/report_service.hpp"

namespace kimonet::http {

namespace {

template <typename Compute>
RouteResult report_route(app::App& app, Request& request, Compute compute) {
    return with_context(app, request, [&](app::Context& context) -> RouteResult {
        const auto range = TRY(services::report_range(context, request.query_value("from"), request.query_value("to")));
        return json_data(compute(context, range));
    });
}

}  // namespace

void register_report_routes(Router& router, app::App& app) {
    router.add("GET", "/api/reports/revenue", "reports.read",
               "Revenue: billed vs collected per month, by package, router, method, gateway; daily collections (?from=YYYY-MM&to=YYYY-MM)",
               [&app](Request& request) { return report_route(app, request, services::revenue_report); });
    router.add("GET", "/api/reports/customers", "reports.read",
               "Customers: active, new, churned, isolated per month; by package and router (?from&to)",
               [&app](Request& request) { return report_route(app, request, services::customer_report); });
    router.add("GET", "/api/reports/billing", "reports.read",
               "Billing: receivable aging, collection rate, DSO, ARPU, MRR, top debtors (?from&to)",
               [&app](Request& request) { return report_route(app, request, services::billing_report); });
}

}  // namespace kimonet::http
