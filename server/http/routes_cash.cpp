// Cash collection (issue 20): areas (cash.areas), the collector's route, collections, day and
// remittances (cash.collect), the cashier's remittances, confirmation, report and the ledger's
// proof (cash.confirm). The rules are in services/cash_collection.hpp and services/cash_ledger.hpp.
#include "api/billing_dto.hpp"
#include "api/cash_dto.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"
#include "http/routes_cash.hpp"
#include "services/cash_collection.hpp"
#include "services/cash_ledger.hpp"

namespace kimonet::http {

namespace {

api::Json list_json(const auto& rows) {
    api::Json out = api::Json::array();
    for (const auto& row : rows) out.push_back(api::to_json(row));
    return out;
}

}  // namespace

void register_cash_routes(Router& router, app::App& app) {
    router.add("GET", "/api/cash/areas", "cash.areas", "Areas with their customer count and collectors' user ids",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) { return json_data(services::list_areas(context)); });
               });
    router.add("POST", "/api/cash/areas", "cash.areas", "Create an area {name} (1–80 characters, unique)", [&app](Request& request) -> RouteResult {
        const auto body = TRY(json_body(request));
        return with_context(app, request, [&](app::Context& context) { return json_data(services::create_area(context, body), 201); });
    });
    router.add("PUT", "/api/cash/areas/{id}", "cash.areas", "Rename an area {name} (1–80 characters, unique)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::rename_area(context, request.id_param(), body)); });
               });
    router.add("GET", "/api/cash/areas/{id}/customers", "cash.areas", "The area's customers (id, service_number, name; at most 1000)",
               [&app](Request& request) {
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::area_customers(context, request.id_param())); });
               });
    router.add("GET", "/api/cash/collectors", "cash.areas", "Active staff who may collect cash (their roles grant cash.collect)",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) { return json_data(services::list_collectors(context)); });
               });
    router.add("PUT", "/api/cash/areas/{id}/customers", "cash.areas",
               "Put customers in the area {customer_ids: [id…]} or {service_numbers: [\"KMN-0001\"…]} (at most 1000; each leaves any other area)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::set_area_customers(context, request.id_param(), body));
                   });
               });
    router.add("PUT", "/api/cash/areas/{id}/collectors", "cash.areas", "Replace the area's collectors {user_ids: [id…]}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::set_area_collectors(context, request.id_param(), body));
                   });
               });

    router.add("GET", "/api/cash/route", "cash.collect",
               "The signed-in collector's route: their areas and the open invoices of the customers in them",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) { return json_data(services::collector_route(context)); });
               });
    router.add("POST", "/api/cash/collections", "cash.collect",
               "Record a cash payment in the field {invoice_id, amount, confirm?, note?} for a customer of the collector's areas; "
               "the WhatsApp receipt is queued at once; an Idempotency-Key header (or idempotency_key) makes a repeat answer 200 "
               "with the first collection (repeated: true)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto collection = TRY(services::record_cash_collection(context, body));
                       api::Json data = api::to_json(collection.receipt.payment, context.offset);
                       data["invoice"] = api::to_json(collection.receipt.invoice, context.today());
                       data["ledger_seq"] = collection.entry.seq;
                       data["ledger_hash"] = collection.entry.hash;
                       data["restore_requested"] = collection.receipt.restore_requested;
                       data["repeated"] = collection.receipt.repeated;
                       return json_ok({{"data", std::move(data)}}, collection.receipt.repeated ? 200 : 201);
                   });
               });
    router.add("GET", "/api/cash/day", "cash.collect",
               "The signed-in collector's own day (date=YYYY-MM-DD, default today): ledger rows, collected, remitted, unremitted",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) {
                       const auto date = request.query.find("date");
                       return json_data(services::collector_day(
                           context, date == request.query.end() || date->second.empty() ? to_string(context.today()) : date->second));
                   });
               });
    router.add("POST", "/api/cash/remittances", "cash.collect",
               "Declare a remittance (setoran) of the collector's cash since their last one {amount? (default: all), note?}; "
               "Idempotency-Key makes a repeat answer 200 (repeated: true)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto [remittance, repeated] = TRY(services::declare_remittance(context, body));
                       return json_ok({{"data", api::to_json(remittance)}, {"repeated", repeated}}, repeated ? 200 : 201);
                   });
               });

    router.add("GET", "/api/cash/remittances", "cash.confirm",
               "Remittances between from and to (YYYY-MM-DD, default today), collector_id?, status? (declared|confirmed), with "
               "expected, declared, received and the differences",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto query = TRY(services::cash_query(context, request.query));
                       const auto rows = TRY(services::list_remittances(context, query));
                       return json_list(list_json(rows), static_cast<std::int64_t>(rows.size()));
                   });
               });
    router.add("POST", "/api/cash/remittances/{id}/confirm", "cash.confirm",
               "Confirm a remittance with the amount counted {received_amount, note?}; never one's own; the same amount again "
               "answers 200 (repeated: true), another is 409",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto [remittance, repeated] = TRY(services::confirm_remittance(context, request.id_param(), body));
                       return json_ok({{"data", api::to_json(remittance)}, {"repeated", repeated}}, repeated ? 200 : 201);
                   });
               });
    router.add("GET", "/api/cash/report", "cash.confirm",
               "Cash per collector and day between from and to (collector_id?): collected, remitted, confirmed and the differences",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto query = TRY(services::cash_query(context, request.query));
                       const auto rows = TRY(services::cash_report(context, query));
                       return json_list(list_json(rows), static_cast<std::int64_t>(rows.size()));
                   });
               });
    router.add("GET", "/api/cash/ledger/verify", "cash.confirm",
               "Walk the cash ledger's hash chain: rows, head, ok, and the first broken row with the reason",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto result = TRY(services::verify_cash_ledger(context.db));
                       api::Json data{{"rows", result.rows}, {"head_seq", result.head_seq}, {"head_hash", result.head_hash}, {"ok", result.ok}};
                       data["broken_seq"] = result.ok ? api::Json(nullptr) : api::Json(result.broken_seq);
                       data["reason"] = result.reason;
                       return json_ok({{"data", std::move(data)}});
                   });
               });
}

}  // namespace kimonet::http
