#pragma once
// Technician jobs (issue 21; docs/technician-jobs.md): dispatchers (jobs.dispatch) create,
// schedule, assign and cancel installation, repair, relocation and dismantle jobs; a technician
// (jobs.work) sees the jobs assigned to them, ticks the checklist and closes the job as done or
// failed. Closing an installation activates the customer and closing a dismantle deactivates them
// through the customer service (services/customer_service.hpp), so the router's PPP secret and
// the RADIUS answer follow exactly as they do for a status change made on the customer screen.
// One function per feature, shared by the HTTP routes and anything else that needs them.
#include <optional>
#include <string>
#include <vector>

#include "api/technician_job_dto.hpp"
#include "app/context.hpp"
#include "store/technician_job_store.hpp"

namespace kimonet::services {

// Whose jobs a caller may touch: nullopt = every job (a dispatcher), else only this technician's.
struct JobScope {
    std::optional<std::int64_t> technician_id;
};

// {kind, customer_id (or service_number), scheduled_date, window_start, window_end, technician_id?, notes?, ticket_id?
// (repair only)}: the job, its checklist made from the kind's list.
Result<api::TechnicianJobResource> create_technician_job(app::Context& context, const api::Json& body);
// Any of {scheduled_date, window_start, window_end, technician_id (null unassigns), notes, ticket_id}
// of a scheduled job (409 once it is closed).
Result<api::TechnicianJobResource> update_technician_job(app::Context& context, std::int64_t id, const api::Json& body);
// Closes a scheduled job as cancelled with an optional {reason}; the customer is not touched.
Result<api::TechnicianJobResource> cancel_technician_job(app::Context& context, std::int64_t id, const api::Json& body);

Result<api::TechnicianJobResource> get_technician_job(app::Context& context, std::int64_t id, const JobScope& scope);
struct TechnicianJobList {
    std::vector<api::TechnicianJobResource> rows;
    std::int64_t total = 0;
};
Result<TechnicianJobList> list_technician_jobs(app::Context& context, const store::TechnicianJobFilter& filter);

// {done: bool}: ticks (with who and when) or unticks item `position` of a scheduled job.
Result<api::TechnicianJobResource> tick_technician_job_check(app::Context& context, std::int64_t id, int position, const api::Json& body,
                                                             const JobScope& scope);

struct JobCompletion {
    api::TechnicianJobResource job;
    bool repeated = false;        // the same idempotency_key closed it before: nothing was done again
    std::string customer_change;  // "activated", "deactivated" or ""
};
// {result: "done"|"failed", failure_reason (failed), note?, materials?: [{item, quantity, unit}],
// idempotency_key?}. Done needs every checklist item ticked and the customer's signature or a photo
// (services/technician_job_proof.hpp). The job closes in one guarded step;
// a resubmission with the same key answers the first result (repeated) and changes nothing.
Result<JobCompletion> complete_technician_job(app::Context& context, std::int64_t id, const api::Json& body, const JobScope& scope);

// Staff who may be assigned jobs (jobs.work).
Result<std::vector<api::TechnicianResource>> job_technicians(app::Context& context);
// The portal: the customer's next scheduled visits {kind, scheduled_date, window_start, window_end}.
Result<api::Json> customer_upcoming_jobs(app::Context& context, std::int64_t customer_id);

}  // namespace kimonet::services
