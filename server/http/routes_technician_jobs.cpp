// Technician jobs (issue 21; docs/technician-jobs.md): the dispatcher's list, create, reschedule,
// assign and cancel (jobs.dispatch); the technician's own day, checklist and completion
// (jobs.work: only the jobs assigned to them unless they also dispatch), the signature and photo
// through the attachments module; the portal's next visit.
// The rules are in services/technician_jobs.hpp.
#include "core/technician_job_messages.hpp"
#include "core/validation_messages.hpp"
#include "http/routes.hpp"
#include "services/technician_job_proof.hpp"
#include "services/technician_jobs.hpp"

namespace kimonet::http {

namespace {

services::JobScope job_scope_of(const Request& request) {
    if (request.who().can("jobs.dispatch")) return {};
    return {request.who().id};
}

Result<store::TechnicianJobFilter> technician_job_filter(const Request& request) {
    store::TechnicianJobFilter filter;
    auto [page, per_page] = TRY(pagination(request, 50));
    filter.page = page;
    filter.per_page = per_page;
    FieldErrors fields;
    filter.date = request.query_value("date");
    if (!filter.date.empty() && !parse_date(filter.date)) fields["date"] = messages::kDate;
    filter.status = request.query_value("status");
    if (!filter.status.empty() && !field::parse_job_status(filter.status)) fields["status"] = messages::kInvalid;
    for (const char* name : {"technician_id", "customer_id"}) {
        const std::string text = request.query_value(name);
        if (text.empty()) continue;
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (*end != '\0' || value <= 0) fields[name] = messages::kInvalidId;
        else (std::string_view(name) == "technician_id" ? filter.technician_id : filter.customer_id) = value;
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return filter;
}

RouteResult technician_job_list(const services::TechnicianJobList& list) {
    api::Json rows = api::Json::array();
    for (const auto& job : list.rows) rows.push_back(api::to_json(job));
    return json_ok({{"data", std::move(rows)}, {"total", list.total}});
}

}  // namespace

void register_technician_job_routes(Router& router, app::App& app) {
    router.add("GET", "/api/technician-jobs", "jobs.dispatch",
               "Technician jobs by day and window, with checklist and materials: ?date (YYYY-MM-DD)&technician_id&status&customer_id&page&per_page",
               [&app](Request& request) -> RouteResult {
                   const auto filter = TRY(technician_job_filter(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return technician_job_list(TRY(services::list_technician_jobs(context, filter)));
                   });
               });
    router.add("POST", "/api/technician-jobs", "jobs.dispatch",
               "Create a job {kind: installation|repair|relocation|dismantle, customer_id, scheduled_date, window_start, window_end "
               "(HH:MM), technician_id?, notes?, ticket_id? (repair)}; its checklist comes from the kind",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::create_technician_job(context, body), 201);
                   });
               });
    router.add("GET", "/api/technician-jobs/technicians", "jobs.dispatch", "Staff who may be assigned jobs (jobs.work)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto technicians = TRY(services::job_technicians(context));
                       api::Json rows = api::Json::array();
                       for (const auto& technician : technicians) rows.push_back(api::to_json(technician));
                       return json_ok({{"data", std::move(rows)}});
                   });
               });
    router.add("GET", "/api/technician-jobs/mine", "jobs.work", "My jobs of a day (?date, default today), by window",
               [&app](Request& request) -> RouteResult {
                   auto filter = TRY(technician_job_filter(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       if (filter.date.empty()) filter.date = to_string(context.today());
                       filter.technician_id = request.who().id;
                       filter.customer_id.reset();
                       return technician_job_list(TRY(services::list_technician_jobs(context, filter)));
                   });
               });
    router.add("GET", "/api/technician-jobs/{id}", "jobs.work", "One job (a technician: only their own)", [&app](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            return json_data(services::get_technician_job(context, request.id_param(), job_scope_of(request)));
        });
    });
    router.add("PUT", "/api/technician-jobs/{id}", "jobs.dispatch",
               "Reschedule, assign (technician_id, null unassigns), annotate or link a ticket to a scheduled job",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::update_technician_job(context, request.id_param(), body));
                   });
               });
    router.add("POST", "/api/technician-jobs/{id}/cancel", "jobs.dispatch", "Cancel a scheduled job {reason?}",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::cancel_technician_job(context, request.id_param(), body));
                   });
               });
    router.add("POST", "/api/technician-jobs/{id}/checklist/{position}", "jobs.work",
               "Tick {done: true} or untick {done: false} a checklist item of a scheduled job (a technician: only their own)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(optional_body(request));
                   const std::int64_t position = request.id_param("position");
                   if (position <= 0 || position > 100) return make_error(ErrorCode::NotFound, messages::kJobChecklistItem);
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::tick_technician_job_check(context, request.id_param(), static_cast<int>(position), body,
                                                                            job_scope_of(request)));
                   });
               });
    router.add("POST", "/api/technician-jobs/{id}/complete", "jobs.work",
               "Close a job {result: done|failed, failure_reason, note?, materials?: [{item, quantity, unit}]}: done needs the checklist and a "
               "signature or photo; an installation activates the customer, a dismantle deactivates them (router and RADIUS follow). An "
               "Idempotency-Key header (or idempotency_key) makes a resubmission answer 200 with the first result (repeated: true); the key "
               "with the other result is 409",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(keyed_body(request));
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto completion = TRY(services::complete_technician_job(context, request.id_param(), body, job_scope_of(request)));
                       api::Json data = api::to_json(completion.job);
                       data["repeated"] = completion.repeated;
                       data["customer_change"] = completion.customer_change;
                       return json_ok({{"data", std::move(data)}}, 200);
                   });
               });
    // The proof: the customer's signature (a PNG drawn on the phone) and a photo, as the file's bytes.
    for (const char* purpose : {"signature", "photo"}) {
        const std::string kind(purpose);
        Route upload{"POST", "/api/technician-jobs/{id}/" + kind, Access::Permission, "jobs.work",
                     "Add the job's " + kind + ": body = a JPEG, PNG or WebP file's bytes (the type is read from the bytes; the "
                     "attachments_max_kb setting bounds the size); answers the job. A technician: only their own scheduled jobs",
                     [&app, kind](Request& request) -> RouteResult {
                         return with_context(app, request, [&](app::Context& context) -> RouteResult {
                             return json_data(services::add_technician_job_proof(context, services::attachments_directory(app.config()),
                                                                                 request.id_param(), kind, request.body, job_scope_of(request)),
                                              201);
                         });
                     }};
        upload.max_body = services::kAttachmentUploadMaxBody;
        router.add(std::move(upload));
        router.add("GET", "/api/technician-jobs/{id}/" + kind, "jobs.work", "The job's latest " + kind + " image",
                   [&app, kind](Request& request) -> RouteResult {
                       return with_context(app, request, [&](app::Context& context) -> RouteResult {
                           auto file = TRY(services::technician_job_proof(context, services::attachments_directory(app.config()), request.id_param(),
                                                                          kind, job_scope_of(request)));
                           return bytes(std::move(file.bytes), file.row.content_type);
                       });
                   });
    }
    router.add("GET", "/api/portal/jobs", "portal.self", "My scheduled technician visits (installation time and the like)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       return json_data(services::customer_upcoming_jobs(context, request.who().id));
                   });
               });
}

}  // namespace kimonet::http
