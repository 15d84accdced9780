#include "http/routes.hpp"
#include "services/dashboard_service.hpp"
#include "services/whatsapp_session_health.hpp"

namespace kimonet::http {

void register_dashboard_routes(Router& router, app::App& app) {
    router.add("GET", "/api/dashboard", "customers.read",
               "Dashboard: customers by status, billed vs collected this month, overdue, 12 months of revenue "
               "(money only with invoices.read; voucher sales beside it also with vouchers.read), today's jobs and failures",
               [&app](Request& request) -> RouteResult {
                   const bool money = request.who().can("invoices.read");
                   // Hotspot voucher sales beside the money: for those who may read the vouchers' figures.
                   const bool vouchers = money && request.who().can("vouchers.read");
                   // The WhatsApp session banner (issue 22) is for those who can fix it: the settings' editors.
                   const bool whatsapp_banner = request.who().can("settings.update");
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json summary = TRY(services::dashboard_summary(context, money, vouchers));
                       if (whatsapp_banner) summary["whatsapp_session"] = TRY(services::whatsapp_session_banner(context.db));
                       return json_ok({{"data", std::move(summary)}});
                   });
               });
}

}  // namespace kimonet::http
