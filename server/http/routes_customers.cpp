#include "api/dto.hpp"
#include "http/portal_password_permission.hpp"
#include "http/routes.hpp"
#include "services/whatsapp_opt_out.hpp"
#include "services/customer_service.hpp"

namespace kimonet::http {

static Result<store::CustomerFilter> customer_filter(const Request& request) {
    store::CustomerFilter filter;
    auto [page, per_page] = TRY(pagination(request));
    filter.page = page;
    filter.per_page = per_page;
    filter.search = request.query_value("q");
    filter.sort = request.query_value("sort", "name");
    FieldErrors fields;
    if (auto status = request.query_value("status"); !status.empty()) {
        filter.status = parse_customer_status(status);
        if (!filter.status) fields["status"] = messages::kUnknownStatus;
    }
    auto id_filter = [&](const char* name, std::optional<std::int64_t>& out) {
        const std::string text = request.query_value(name);
        if (text.empty()) return;
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (*end != '\0' || value <= 0) fields[name] = messages::kInvalidId;
        else out = value;
    };
    id_filter("package_id", filter.package_id);
    id_filter("router_id", filter.router_id);
    if (!fields.empty()) return validation_error(std::move(fields));
    return filter;
}

void register_customer_routes(Router& router, app::App& app) {
    router.add("GET", "/api/customers", "customers.read", "List customers (q, status, package_id, router_id, sort, page, per_page)",
               [&app](Request& request) -> RouteResult {
                   const auto filter = TRY(customer_filter(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto page = TRY(services::search_customers(context.db, filter));
                       api::Json rows = api::Json::array();
                       for (const auto& customer : page.rows) rows.push_back(api::to_json(customer));
                       return json_list(std::move(rows), page.total, {{"page", filter.page}, {"per_page", filter.per_page}});
                   });
               });
    router.add("POST", "/api/customers", "customers.create", "Create a customer", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        TRY_VOID(check_portal_password_permission(request, body));
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto customer = TRY(services::create_customer(context, body));
            return json_ok({{"data", api::to_json(customer)}}, 201);
        });
    });
    router.add("GET", "/api/customers/{id}", "customers.read", "Get a customer", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            auto customer = TRY(services::get_customer(context.db, request.id_param()));
            api::Json data = api::to_json(customer);
            // Issue 22: the number said STOP/BERHENTI (null when not): shown, not overridable by staff.
            data["whatsapp_opt_out"] = TRY(services::whatsapp_opt_out_json(context.db, customer.phone));
            return json_ok({{"data", std::move(data)}});
        });
    });
    router.add("PUT", "/api/customers/{id}", "customers.update", "Update a customer (fields present are applied)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   TRY_VOID(check_portal_password_permission(request, body));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto customer = TRY(services::update_customer(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(customer)}});
                   });
               });
    router.add("DELETE", "/api/customers/{id}", "customers.delete", "Deactivate a customer (history is kept)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto customer = TRY(services::deactivate_customer(context, request.id_param()));
                       return json_ok({{"data", api::to_json(customer)}});
                   });
               });
}

}  // namespace kimonet::http
