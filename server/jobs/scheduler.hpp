#pragma once
// The in-server scheduler: jobs with cron schedules from settings, evaluated at the configured
// UTC offset. job_runs has one row per (job, slot), so each slot runs once, a server that was
// down catches up on the latest missed slot (within 31 days), and tests drive it with tick().
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"

namespace kimonet::jobs {

struct Job {
    std::string name;             // "invoice_generation"
    std::string schedule_setting; // the setting holding its cron expression
    // Runs the job for the slot (local time); returns a JSON summary stored in job_runs.result.
    std::function<Result<api::Json>(app::Context&, const LocalDateTime& slot)> run;
};

// The product's jobs; more arrive with dunning, reminders and reconciliation.
// `engine`: report_totals runs on PostgreSQL only.
std::vector<Job> default_jobs(store::Engine engine);

class Scheduler {
public:
    // The product's jobs for the app's engine.
    explicit Scheduler(app::App& app);
    Scheduler(app::App& app, std::vector<Job> jobs);
    ~Scheduler();

    // Marks runs left "running" by a process that died as failed, so their slot is retried.
    Result<void> recover_interrupted_runs();
    // Runs every job whose latest due slot has not run yet (or failed). Returns how many ran.
    Result<int> tick();
    // A background thread calling tick() every `interval_seconds` until stop(). With N servers on
    // PostgreSQL only the elected leader ticks (jobs/leader_election.hpp: a dead leader is
    // replaced within ~2 s, ≤ 7 s when its host vanished); on SQLite it always ticks.
    void start(int interval_seconds = 20);
    void stop();

private:
    // The leader deletes the shared rate-limit buckets that are full again (PostgreSQL).
    Result<void> forget_idle_rate_limits();
    Result<bool> run_if_due(app::Context& context, const Job& job, const LocalDateTime& now);

    app::App& m_app;
    std::vector<Job> m_jobs;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

}  // namespace kimonet::jobs
