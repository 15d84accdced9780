#pragma once
// Route registration, one file per resource (routes_<resource>.cpp).
#include "app/app.hpp"
#include "http/router.hpp"

namespace kimonet::http {

void register_routes(Router& router, app::App& app);

void register_auth_routes(Router& router, app::App& app);
void register_customer_routes(Router& router, app::App& app);
void register_package_routes(Router& router, app::App& app);
void register_router_routes(Router& router, app::App& app);
void register_billing_routes(Router& router, app::App& app);  // invoices, payments, portal invoices
void register_jobs_routes(Router& router, app::App& app);     // scheduler runs
void register_dashboard_routes(Router& router, app::App& app);  // the staff dashboard's figures
void register_network_routes(Router& router, app::App& app);  // isolir, router test, drift, isolir page
void register_admin_routes(Router& router, app::App& app);  // users, roles, activity, settings
void register_system_routes(Router& router, app::App& app);
void register_portal_routes(Router& router, app::App& app);  // the customer's own record  // health, openapi
void register_messaging_routes(Router& router, app::App& app);  // notifications, templates, WhatsApp device
void register_whatsapp_webhook_routes(Router& router, app::App& app);  // inbound WhatsApp (public)
void register_payment_routes(Router& router, app::App& app);  // payment methods, public bill check/pay/page, callbacks, reconciliation
void register_dunning_routes(Router& router, app::App& app);  // dunning run, schedules, timelines, portal isolation date
void register_landing_routes(Router& router, app::App& app);  // public packages, network status, registration; leads; incidents

void register_report_routes(Router& router, app::App& app);  // analytics (GET /api/reports/*)
void register_export_routes(Router& router, app::App& app);  // XLSX/CSV/PDF downloads, customer import

// Parses the request body as a JSON object or fails with 400.
Result<api::Json> json_body(const Request& request);
// The same for a body that may be left out: an empty body is {}.
Result<api::Json> optional_body(const Request& request);
// The same, with the Idempotency-Key header copied into the body as idempotency_key (both given
// must agree).
Result<api::Json> keyed_body(const Request& request);
// page/per_page query parameters with bounds, as 422 on nonsense.
Result<std::pair<int, int>> pagination(const Request& request, int default_per_page = 25);

// Runs `work(context)` with a pooled connection and the request's actor.
template <typename Work>
RouteResult with_context(app::App& app, const Request& request, Work work) {
    auto lease = TRY(app.database());
    app::Context context = app.context(*lease, request);
    return work(context);
}

}  // namespace kimonet::http
