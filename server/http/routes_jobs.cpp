#include "http/routes.hpp"
#include "jobs/scheduler.hpp"
#include "services/settings.hpp"
#include "store/job_run_store.hpp"

namespace kimonet::http {

void register_jobs_routes(Router& router, app::App& app) {
    router.add("GET", "/api/jobs", "settings.read", "Scheduled jobs and their recent runs (durations, results)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request, 50));  // named: clang 14 cannot capture structured bindings
                   int page = paging.first, per_page = paging.second;
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json jobs = api::Json::array();
                       for (const auto& job : jobs::default_jobs(context.db.engine())) {
                           std::string schedule = TRY(services::get_setting(context.db, job.schedule_setting));
                           jobs.push_back({{"name", job.name}, {"schedule", std::move(schedule)}});
                       }
                       const std::int64_t total = TRY(store::count_job_runs(context.db));
                       api::Json runs = api::Json::array();
                       for (auto& run : TRY(store::list_job_runs(context.db, per_page, std::int64_t{page - 1} * per_page))) {
                           api::Json result = api::parse_json(run.result);
                           runs.push_back({{"id", run.id},
                                           {"job", std::move(run.job)},
                                           {"key", std::move(run.key)},
                                           {"status", std::move(run.status)},
                                           {"started_at", run.started_at},
                                           {"finished_at", run.finished_at ? api::Json(*run.finished_at) : api::Json(nullptr)},
                                           {"duration_ms", run.duration_ms ? api::Json(*run.duration_ms) : api::Json(nullptr)},
                                           {"result", result.is_discarded() ? api::Json(nullptr) : result}});
                       }
                       return json_list(std::move(runs), total, {{"jobs", std::move(jobs)}, {"page", page}});
                   });
               });
}

}  // namespace kimonet::http
