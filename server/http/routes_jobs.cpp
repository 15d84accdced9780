#include "http/routes.hpp"
#include "jobs/scheduler.hpp"
#include "services/settings.hpp"

namespace kimonet::http {

void register_jobs_routes(Router& router, app::App& app) {
    router.add("GET", "/api/jobs", "settings.read", "Scheduled jobs and their recent runs (durations, results)",
               [&app](Request& request) -> RouteResult {
                   const auto paging = TRY(pagination(request, 50));  // named: clang 14 cannot capture structured bindings
                   int page = paging.first, per_page = paging.second;
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       api::Json jobs = api::Json::array();
                       for (const auto& job : jobs::default_jobs()) {
                           std::string schedule = TRY(services::get_setting(context.db, job.schedule_setting));
                           jobs.push_back({{"name", job.name}, {"schedule", std::move(schedule)}});
                       }
                       auto count = TRY(context.db.prepare("SELECT COUNT(*) FROM job_runs"));
                       TRY(count.step());
                       auto rows = TRY(context.db.prepare(
                           "SELECT id, job, key, status, started_at, finished_at, duration_ms, result FROM job_runs "
                           "ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?"));
                       rows.bind(1, per_page).bind(2, std::int64_t{page - 1} * per_page);
                       api::Json runs = api::Json::array();
                       while (TRY(rows.step())) {
                           api::Json result = api::parse_json(rows.column_text(7));
                           runs.push_back({{"id", rows.column_int(0)},
                                           {"job", rows.column_text(1)},
                                           {"key", rows.column_text(2)},
                                           {"status", rows.column_text(3)},
                                           {"started_at", rows.column_int(4)},
                                           {"finished_at", rows.column_is_null(5) ? api::Json(nullptr) : api::Json(rows.column_int(5))},
                                           {"duration_ms", rows.column_is_null(6) ? api::Json(nullptr) : api::Json(rows.column_int(6))},
                                           {"result", result.is_discarded() ? api::Json(nullptr) : result}});
                       }
                       return json_list(std::move(runs), count.column_int(0), {{"jobs", std::move(jobs)}, {"page", page}});
                   });
               });
}

}  // namespace kimonet::http
