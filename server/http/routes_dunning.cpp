// Dunning over HTTP: the run (dunning.run), schedules (read: dunning.read; write: settings.update,
// because a schedule is configuration that decides fees and isolation for every customer), schedule
// assignment to packages and customers (settings.update), a customer's timeline, the portal's
// own isolation date, and promises to pay (the portal's own, staff grants with dunning.promise_grant).
#include "api/dunning_dto.hpp"
#include "http/routes.hpp"
#include "services/dunning_schedules.hpp"
#include "services/customer_dunning_pause.hpp"
#include "services/dunning_service.hpp"
#include "services/payment_promise.hpp"

namespace kimonet::http {

namespace {

Result<services::DunningOptions> run_options(const Request& request) {
    api::Json body = api::Json::object();
    if (!request.body.empty()) body = TRY(json_body(request));
    api::FieldReader reader(body);
    services::DunningOptions options;
    reader.read("dry_run", options.dry_run);
    for (const auto& [key, value] : body.items())
        if (key != "dry_run") reader.add_error(key, "field tidak dikenal");
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return options;
}

// A staff grant: {days (1-30), reason, invoice_id?}; nothing else.
Result<services::PromiseRequest> grant_request(const Request& request) {
    const auto body = TRY(json_body(request));
    api::FieldReader reader(body);
    services::PromiseRequest grant;
    grant.customer_id = request.id_param();
    grant.channel = dunning::PromiseChannel::Staff;
    reader.read("days", grant.days);
    reader.read("reason", grant.reason);
    reader.read("invoice_id", grant.invoice_id);
    for (const auto& [key, value] : body.items())
        if (key != "days" && key != "reason" && key != "invoice_id") reader.add_error(key, messages::kUnknownField);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return grant;
}

// The portal's promise takes nothing from the body: the customer is the token's, the invoice the
// path's, the days the setting's.
Result<void> refuse_portal_fields(const Request& request) {
    if (request.body.empty()) return success();
    const auto body = TRY(json_body(request));
    FieldErrors fields;
    for (const auto& [key, value] : body.items()) fields[key] = messages::kUnknownField;
    if (!fields.empty()) return validation_error(std::move(fields));
    return success();
}

api::Json promise_answer(const services::PromiseOutcome& outcome) {
    return {{"data", services::to_json(outcome.promise)}, {"created", outcome.created}, {"restored", outcome.restored}};
}

}  // namespace

void register_dunning_routes(Router& router, app::App& app) {
    router.add("POST", "/api/dunning/run", "dunning.run", "Run dunning now {dry_run}: reminders, late fees, isolation due today",
               [&app](Request& request) -> RouteResult {
                   const auto options = TRY(run_options(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::run_dunning(context, options));
                   });
               });
    router.add("GET", "/api/dunning/schedules", "dunning.read", "Dunning schedules with their steps and package assignments",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       auto rows = TRY(services::list_dunning_schedules(context.db));
                       const auto total = static_cast<std::int64_t>(rows.size());
                       return json_list(std::move(rows), total);
                   });
               });
    router.add("GET", "/api/dunning/schedules/{id}", "dunning.read", "One dunning schedule with its steps",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::get_dunning_schedule(context.db, request.id_param()));
                   });
               });
    router.add("POST", "/api/dunning/schedules", "settings.update",
               "Create a dunning schedule {name, description?, is_default?, steps:[{day_offset, action, channel, template_key, enabled, "
               "fee_kind, fee_amount, fee_percent_bp, fee_cap}]}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::create_dunning_schedule(context, body), 201);
                   });
               });
    router.add("PUT", "/api/dunning/schedules/{id}", "settings.update",
               "Replace a schedule's name and steps (steps with an id are updated, new ones added, missing ones retired)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::update_dunning_schedule(context, request.id_param(), body));
                   });
               });
    router.add("PUT", "/api/packages/{id}/dunning-schedule", "settings.update", "Assign a dunning schedule to a package {schedule_id|null}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::assign_package_schedule(context, request.id_param(), body));
                   });
               });
    router.add("PUT", "/api/customers/{id}/dunning-schedule", "settings.update",
               "Give a customer their own dunning schedule {schedule_id|null} (overrides the package's)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::assign_customer_schedule(context, request.id_param(), body));
                   });
               });
    router.add("GET", "/api/customers/{id}/dunning", "dunning.read",
               "A customer's dunning timeline: upcoming steps with dates and amounts, the isolation date, past actions, outages pausing it",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::customer_dunning_today(context, request.id_param()));
                   });
               });
    router.add("GET", "/api/portal/dunning", "portal.self", "My isolation date (if any) and what I still owe",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto full = TRY(services::customer_dunning_today(context, request.who().id));
                       api::Json data = {{"isolation_date", full["isolation_date"]}, {"outstanding", full["outstanding"]},
                                         {"status", full["status"]}, {"isolation_paused", full["isolation_paused"]},
                                         {"outage_pauses", api::Json::array()}};
                       // The outages pausing the customer, as the public network status shows them.
                       for (const auto& pause : full["outage_pauses"])
                           data["outage_pauses"].push_back({{"title", pause["title"]}, {"area_name", pause["area_name"]},
                                                            {"started_at_text", pause["started_at_text"]},
                                                            {"ended_at_text", pause["ended_at_text"]}});
                       if (full.contains("isolation_date_text")) data["isolation_date_text"] = full["isolation_date_text"];
                       data["promise"] = TRY(services::promise_offer(context, request.who().id));
                       return json_ok({{"data", std::move(data)}});
                   });
               });
    router.add("POST", "/api/portal/invoices/{id}/promise", "portal.self",
               "Promise to pay my overdue invoice (janji bayar): isolation waits until the date; an isolated line is restored now",
               [&app](Request& request) -> RouteResult {
                   TRY_VOID(refuse_portal_fields(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       services::PromiseRequest promise;
                       promise.customer_id = request.who().id;
                       promise.invoice_id = request.id_param();
                       promise.channel = dunning::PromiseChannel::Portal;
                       const auto outcome = TRY(services::make_promise(context, promise));
                       return json_ok(promise_answer(outcome), outcome.created ? 201 : 200);
                   });
               });
    router.add("POST", "/api/customers/{id}/promises", "dunning.promise_grant",
               "Grant a customer a promise to pay beyond the settings {days 1-30, reason, invoice_id?}; replaces one that holds",
               [&app](Request& request) -> RouteResult {
                   const auto grant = TRY(grant_request(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto outcome = TRY(services::make_promise(context, grant));
                       return json_ok(promise_answer(outcome), outcome.created ? 201 : 200);
                   });
               });
}

}  // namespace kimonet::http
