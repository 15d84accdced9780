// Moving in (issue 22): POST /api/imports/phpnuxbill, the same service as `kimonet import phpnuxbill`.
#include <sstream>

#include "http/routes.hpp"
#include "imports/phpnuxbill_data.hpp"
#include "services/phpnuxbill_import.hpp"

namespace kimonet::http {

void register_moving_in_routes(Router& router, app::App& app) {
    // settings.update: admins only by default; the import creates routers, packages, customers,
    // invoices and payments at once, more than any one of their own permissions allows.
    Route import_route{"POST", "/api/imports/phpnuxbill", Access::Permission, "settings.update",
                       "Import from PHPNuxBill: body = its MySQL/MariaDB dump (.sql); ?dry_run=true gives the mapping report "
                       "without writing; otherwise everything is imported in one transaction (safe to repeat)",
                       [&app](Request& request) -> RouteResult {
                           const bool dry_run = request.query_value("dry_run") == "true" || request.query_value("dry_run") == "1";
                           std::istringstream dump(request.body);
                           const imports::PhpnuxbillData data = TRY(imports::read_phpnuxbill_dump(dump));
                           return with_context(app, request, [&](app::Context& context) -> RouteResult {
                               return json_data(services::import_phpnuxbill(context, data, dry_run), dry_run ? 200 : 201);
                           });
                       }};
    import_route.max_body = 16u << 20;  // like the customer import (a larger dump: the CLI, or --mariadb); see request_admission.hpp
    router.add(std::move(import_route));
}

}  // namespace kimonet::http
