#include "jobs/scheduler.hpp"

#include <chrono>
#include <cstdio>

#include "jobs/cron.hpp"
#include "jobs/leader_election.hpp"
#include "network/peer_replies.hpp"
#include "services/dunning_service.hpp"
#include "services/gateway_payments.hpp"
#include "services/invoice_generation.hpp"
#include "services/invoice_runs.hpp"
#include "services/callback_inbox.hpp"
#include "services/network_reconcile.hpp"
#include "services/network_service.hpp"
#include "services/outage_service.hpp"
#include "services/report_service.hpp"
#include "services/settings.hpp"
#include "services/voucher_push.hpp"
#include "services/whatsapp_session_health.hpp"
#include "store/job_run_store.hpp"
#include "store/rate_limit_store.hpp"

namespace kimonet::jobs {

std::vector<Job> default_jobs(store::Engine engine) {
    std::vector<Job> jobs{Job{"invoice_generation", "invoice_schedule", [](app::Context& context, const LocalDateTime& slot) -> Result<api::Json> {
                    services::GenerateOptions options;
                    options.period = period_of(slot.date);
                    // invoice_run_mode = approve: prepare the drafts and wait for someone to approve them.
                    if (TRY(services::invoice_run_needs_approval(context.db))) {
                        auto run_id = TRY(store::find_open_invoice_run(context.db, options.period));
                        const bool prepared = !run_id;
                        if (!run_id) run_id = TRY(services::prepare_invoice_run(context, {options.period, std::nullopt}));
                        const auto run = TRY(services::invoice_run_summary(context, *run_id));
                        return api::Json{{"period", to_string(options.period)}, {"run_id", *run_id}, {"prepared", prepared},
                                         {"drafts", run.run.invoice_count}, {"total_amount", run.run.total_amount}};
                    }
                    auto summary = TRY(services::generate_invoices(context, options));
                    return api::Json{{"period", to_string(options.period)},
                                     {"created", summary.created},
                                     {"skipped", summary.skipped},
                                     {"total_amount", summary.total_amount}};
                }},
            // The fixed grace-day isolation rests while dunning is on: the schedules' isolate step replaces it.
            Job{"auto_isolir", "isolir_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    if (TRY(services::get_setting(context.db, "dunning_enabled")) == "1")
                        return api::Json{{"skipped", "dunning aktif: isolir mengikuti jadwal penagihan"}};
                    return services::auto_isolate(context, services::AutoIsolateOptions{});
                }},
            // Reminders, warnings, late fees and isolation by the dunning schedules (daily, 09:00 by default).
            Job{"dunning", "dunning_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    if (TRY(services::get_setting(context.db, "dunning_enabled")) != "1") return api::Json{{"skipped", "dunning nonaktif"}};
                    services::DunningOptions options;
                    options.list_limit = 0;
                    auto report = TRY(services::run_dunning(context, options));
                    report.erase("actions");
                    return report;
                }},
            // Retries network actions the routers have not applied yet (including restores billing records).
            Job{"network_retry", "network_retry_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    auto run = TRY(services::process_pending_network_actions(context));
                    return api::Json{{"due", run.due}, {"applied", run.applied}, {"still_pending", run.still_pending}, {"failed", run.failed}};
                }},
            // Applies gateway payments whose callbacks never came and expires stale attempts.
            Job{"payment_reconcile", "payment_reconcile_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    return TRY(services::reconcile_payments(context, {})).to_json();
                }},
            // Hotspot vouchers: resumes pushes a crash or an unreachable router interrupted, then reads
            // usage back and removes used-up and expired vouchers from the routers.
            Job{"vouchers", "voucher_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    api::Json result = TRY(services::push_pending_voucher_batches(context));
                    const auto expiry = TRY(services::expire_vouchers(context));
                    result["checked"] = expiry.checked;
                    result["used_up"] = expiry.used_up;
                    result["expired"] = expiry.expired;
                    result["removed"] = expiry.removed;
                    result["unreachable_routers"] = expiry.unreachable_routers;
                    return result;
                }},
            // Outages (docs/outages.md): the start/end notices and credits an opened or closed outage
            // still owes (normally none: opening and closing do them at once; this finishes after a crash).
            Job{"outages", "outage_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    const auto work = TRY(services::process_outages(context));
                    return api::Json{{"start_notices", work.start_notices}, {"end_notices", work.end_notices}, {"credits", work.credits}};
                }},
            // The primary WhatsApp gateway's session (issue 22): one owner alert and a dashboard banner per lost session.
            Job{"whatsapp_health", "whatsapp_health_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                    return services::check_whatsapp_session(context);
                }}};
    // PostgreSQL's running report totals folded (issue 23): a report then reads one row per group.
    // SQLite keeps none (its reports fold the invoices themselves), so it has no such job.
    if (engine == store::Engine::Postgresql)
        jobs.push_back(Job{"report_totals", "report_totals_schedule", [](app::Context& context, const LocalDateTime&) -> Result<api::Json> {
                               const auto folded = TRY(services::fold_report_totals(context));
                               return api::Json{{"rows_read", folded.rows_read}, {"rows_written", folded.rows_written}};
                           }});
    return jobs;
}

Scheduler::Scheduler(app::App& app)
    : Scheduler(app, default_jobs(store::is_postgresql_url(app.pool().path()) ? store::Engine::Postgresql : store::Engine::Sqlite)) {}

Scheduler::Scheduler(app::App& app, std::vector<Job> jobs) : m_app(app), m_jobs(std::move(jobs)) {}

Scheduler::~Scheduler() { stop(); }

Result<void> Scheduler::recover_interrupted_runs() {
    auto lease = TRY(m_app.database());
    return store::fail_interrupted_job_runs(*lease);
}

// Days of runs kept per job (job_runs; the jobs screen and the dashboard read the recent ones).
constexpr int kJobRunDays = 90;

Result<bool> Scheduler::run_if_due(app::Context& context, const Job& job, const LocalDateTime& now) {
    const CronSchedule schedule = TRY(parse_cron(TRY(services::get_setting(context.db, job.schedule_setting))));
    const auto slot = latest_slot(schedule, now, 31);
    if (!slot) return false;
    const std::string key = slot_key(*slot);
    // Claiming the slot is the idempotency: a second tick (or a second server) finds the row.
    if (!TRY(store::claim_job_run(context.db, job.name, key, context.now))) return false;

    const auto started = std::chrono::steady_clock::now();
    auto result = job.run(context, *slot);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    TRY_VOID(store::finish_job_run(context.db, job.name, key, result.ok(), m_app.clock().now(), std::int64_t{elapsed},
                                   result ? result->dump() : api::Json{{"error", result.error().message()}}.dump()));
    // The job's history is kept kJobRunDays (far beyond the 31 days a missed slot is caught up
    // within, so no slot can run twice): a job every minute would otherwise add 525,600 rows a year.
    TRY_VOID(store::delete_job_runs_before(context.db, job.name, slot_key(LocalDateTime{add_days(now.date, -kJobRunDays), now.hour, now.minute})));
    return true;
}

Result<int> Scheduler::tick() {
    auto lease = TRY(m_app.database());
    app::Context context = m_app.context(*lease, app::Actor{"system", 0, "scheduler", ""});
    const LocalDateTime now = local_from_unix(context.now, context.offset);
    int ran = 0;
    for (const Job& job : m_jobs) {
        auto result = run_if_due(context, job, now);
        if (!result) {
            m_app.worker_log().report("scheduler", true, "job " + job.name + ": " + result.error().message());
            std::fprintf(stderr, "scheduler: job %s: %s\n", job.name.c_str(), network::terminal_line(result.error().message()).c_str());
            continue;
        }
        if (*result) ++ran;
    }
    // Gateway callbacks kept and not applied: put off (the status API could not be asked) or left
    // by a server that died; handed to this server's appliers (services/callback_inbox.hpp).
    if (auto taken = m_app.callback_inbox().take_up_due(*lease, context.now); !taken)
        m_app.worker_log().report("scheduler", true, "callback inbox: " + taken.error().message());
    return ran;
}

void Scheduler::start(int interval_seconds) {
    m_thread = std::thread([this, interval_seconds] {
        // N servers on PostgreSQL: only the leader ticks (jobs/leader_election.hpp). The others poll
        // the lock every kElectionInterval; the one that takes it first marks the runs the dead
        // leader left "running" as failed and ticks at once, which takes those slots over (the
        // job_runs claim) and converges the half-done run (each job is idempotent per slot).
        LeaderElection election(m_app.config().db_path);
        const auto interval = std::chrono::seconds(interval_seconds);
        std::chrono::steady_clock::time_point last_tick;
        bool was_leading = false;
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            lock.unlock();
            std::string problem;
            const bool leading = election.poll(problem);
            if (!problem.empty()) m_app.worker_log().problem("scheduler", "leader election: " + problem);
            const auto now = std::chrono::steady_clock::now();
            if (leading && (!was_leading || now - last_tick >= interval)) {
                if (!was_leading) {
                    (void)recover_interrupted_runs();
                    m_app.worker_log().done("scheduler", "leading the scheduler");
                }
                (void)tick();
                (void)forget_idle_rate_limits();
                last_tick = now;
            }
            was_leading = leading;
            lock.lock();
            m_wake.wait_for(lock, std::min<std::chrono::seconds>(interval, kElectionInterval), [this] { return m_stopping; });
        }
    });
}

Result<void> Scheduler::forget_idle_rate_limits() {
    auto lease = TRY(m_app.database());
    if (lease->engine() != store::Engine::Postgresql) return {};
    return store::delete_idle_rate_limit_buckets(*lease, m_app.clock().now());
}

void Scheduler::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

}  // namespace kimonet::jobs
