// BHP Telekomunikasi and USO (issue 20; docs/bhp-uso.md): the report, deductions and rates.
// Reading needs reports.read; entering deductions and rates needs reports.regulatory.
// The DTOs first: json_data (http/response.hpp) names api::to_json, found where it is declared.
#include "api/bhp_uso_dto.hpp"
#include "http/routes.hpp"
#include "services/bhp_uso_service.hpp"

namespace kimonet::http {

void register_bhp_uso_routes(Router& router, app::App& app) {
    router.add("GET", "/api/reports/bhp-uso", "reports.read",
               "BHP Telekomunikasi and USO/KPU: gross revenue of the billed months (invoices not void, PPN left out), the "
               "deductions, the base and what is due at the rates in force (?from=YYYY-MM&to=YYYY-MM&per=month|quarter|year)",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::bhp_uso_report(context, request.query_value("from"), request.query_value("to"),
                                                                 request.query_value("per")));
                   });
               });
    router.add("POST", "/api/reports/bhp-uso/deductions", "reports.regulatory",
               "Enter a deduction from gross revenue {period: YYYY-MM, kind: bad_debt|interconnection|non_telecom, amount, reason}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::add_revenue_deduction(context, body), 201); });
               });
    router.add("DELETE", "/api/reports/bhp-uso/deductions/{id}", "reports.regulatory", "Remove a deduction entered by mistake",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::remove_revenue_deduction(context, request.id_param()));
                       return json_ok();
                   });
               });
    router.add("GET", "/api/reports/bhp-uso/rates", "reports.read", "The BHP and USO rates with the dates they apply from",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json rates = api::Json::array();
                       for (const auto& rate : TRY(services::regulatory_rates(context))) rates.push_back(api::to_json(rate));
                       return json_ok({{"data", std::move(rates)}});
                   });
               });
    router.add("POST", "/api/reports/bhp-uso/rates", "reports.regulatory",
               "New rates from a month on {effective_from: YYYY-MM-01, bhp_bp, uso_bp (basis points: 50 = 0,5%), note?}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::add_regulatory_rate(context, body), 201); });
               });
}

}  // namespace kimonet::http
