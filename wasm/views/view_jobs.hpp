#pragma once
// Jadwal & tugas: the scheduled jobs with their cron schedule, and the recent runs (started,
// duration, status, result), failures first to the eye in red.
#include <string>

#include "api/json_fields.hpp"

namespace kimonet {

class App;

class ViewJobs {
public:
    void enter(App& app);
    void draw(App& app);

private:
    void reload();

    int m_page = 1;
    int m_total = 0;
    api::Json m_jobs = api::Json::array();
    api::Json m_runs = api::Json::array();
    bool m_loaded = false;
    std::string m_error;
};

}  // namespace kimonet
