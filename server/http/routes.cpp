#include "http/routes.hpp"

#include <charconv>

#include "core/validation_messages.hpp"
#include "http/routes_cash.hpp"
#include "http/routes_two_factor.hpp"
#include "http/routes_vouchers.hpp"

namespace kimonet::http {

// Bank statement import and review (routes_bank_statements.cpp, issue 20).
void register_bank_statement_routes(Router& router, app::App& app);
// routes_radius.cpp: FreeRADIUS rlm_rest calls, RADIUS sessions, NAS settings (declared here, not in
// routes.hpp, so adding it did not touch every route file).
void register_radius_routes(Router& router, app::App& app);
void register_invoice_run_routes(Router& router, app::App& app);  // prepared runs awaiting approval (issue 20)
void register_credit_note_routes(Router& router, app::App& app);  // credit notes and refunds (issue 20)
// BHP Telekomunikasi and USO report, deductions and rates (routes_bhp_uso.cpp, issue 20).
void register_bhp_uso_routes(Router& router, app::App& app);
// routes_tax.cpp: the Coretax export of faktur keluaran (issue 20).
void register_tax_routes(Router& router, app::App& app);
// routes_tickets.cpp: trouble tickets for staff, the portal and the landing page (issue 21).
void register_ticket_routes(Router& router, app::App& app);
// routes_moving_in.cpp: the PHPNuxBill import (issue 22).
void register_moving_in_routes(Router& router, app::App& app);
// routes_technician_jobs.cpp: technician jobs and the portal's next visit (issue 21).
void register_technician_job_routes(Router& router, app::App& app);
// routes_outages.cpp: outages that pause billing (issue 21).
void register_outage_routes(Router& router, app::App& app);
// routes_inventory.cpp: the FTTH inventory, customers on ODP ports, the map (issue 21).
void register_inventory_routes(Router& router, app::App& app);
// routes_email.cpp: send this invoice by WhatsApp or email, its log, customers' channel preference (issue 22).
void register_email_routes(Router& router, app::App& app);

void register_routes(Router& router, app::App& app) {
    register_system_routes(router, app);
    register_auth_routes(router, app);
    register_two_factor_routes(router, app);
    register_customer_routes(router, app);
    // Before the package routes: "/api/packages/public" must win over "/api/packages/{id}".
    register_landing_routes(router, app);
    register_package_routes(router, app);
    register_router_routes(router, app);
    register_billing_routes(router, app);
    register_jobs_routes(router, app);
    register_dashboard_routes(router, app);
    register_network_routes(router, app);
    register_admin_routes(router, app);
    register_portal_routes(router, app);
    register_messaging_routes(router, app);
    register_payment_routes(router, app);
    register_dunning_routes(router, app);
    register_report_routes(router, app);
    register_export_routes(router, app);
    register_voucher_routes(router, app);
    register_cash_routes(router, app);
    register_bank_statement_routes(router, app);
    register_radius_routes(router, app);
    register_invoice_run_routes(router, app);
    register_credit_note_routes(router, app);
    register_bhp_uso_routes(router, app);
    register_tax_routes(router, app);
    register_ticket_routes(router, app);
    register_moving_in_routes(router, app);
    register_technician_job_routes(router, app);
    register_outage_routes(router, app);
    register_inventory_routes(router, app);
    register_email_routes(router, app);
}

Result<api::Json> json_body(const Request& request) {
    api::Json body = api::parse_json(request.body);
    if (body.is_discarded()) return make_error(ErrorCode::BadRequest, messages::kBodyNotJson);
    if (!body.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    return body;
}

Result<api::Json> optional_body(const Request& request) {
    if (request.body.empty()) return api::Json::object();
    return json_body(request);
}

Result<api::Json> keyed_body(const Request& request) {
    auto body = TRY(json_body(request));
    if (const std::string key = request.header("idempotency-key"); !key.empty() && body.is_object()) {
        if (body.contains("idempotency_key") && body["idempotency_key"] != key)
            return validation_error({{"idempotency_key", messages::kIdempotencyKeyTwice}});
        body["idempotency_key"] = key;
    }
    return body;
}

static std::optional<int> parse_int(const std::string& text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

Result<std::pair<int, int>> pagination(const Request& request, int default_per_page) {
    FieldErrors fields;
    int page = 1, per_page = default_per_page;
    if (auto text = request.query_value("page"); !text.empty()) {
        auto value = parse_int(text);
        if (!value || *value < 1) fields["page"] = messages::kInvalid;
        else page = *value;
    }
    if (auto text = request.query_value("per_page"); !text.empty()) {
        auto value = parse_int(text);
        if (!value || *value < 1 || *value > 500) fields["per_page"] = messages::kPerPageRange;
        else per_page = *value;
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return std::pair{page, per_page};
}

}  // namespace kimonet::http
