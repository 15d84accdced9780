#pragma once
// Jadwal & tugas: the scheduled jobs with their cron schedule, and the recent runs (started,
// duration, status, result), failures first to the eye in red.
#include <string>

#include "api/json_fields.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewJobs final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();

    PagedList m_runs{"/api/jobs", 50};  // the recent runs, newest first
    api::Json m_jobs = api::Json::array();
};

}  // namespace kimonet
