#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"
#include "jobs/cron.hpp"
#include "jobs/scheduler.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

std::int64_t wib(int year, int month, int day, int hour, int minute, int second = 0) {
    return unix_from_local(LocalDateTime{{year, month, day}, hour, minute, second}, UtcOffset{420});
}

// Only the monthly invoice job, so the counts below are about it alone.
std::vector<jobs::Job> invoice_job_only() {
    std::vector<jobs::Job> selected;
    for (auto& job : jobs::default_jobs(store::Engine::Sqlite))
        if (job.name == "invoice_generation") selected.push_back(std::move(job));
    BOOST_TEST_REQUIRE(selected.size() == 1u);
    return selected;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scheduler)

BOOST_AUTO_TEST_CASE(cron_expressions) {
    auto monthly = jobs::parse_cron("1 0 1 * *");
    BOOST_TEST_REQUIRE(monthly.ok());
    BOOST_TEST(jobs::matches(*monthly, LocalDateTime{{2026, 2, 1}, 0, 1, 0}));
    BOOST_TEST(!jobs::matches(*monthly, LocalDateTime{{2026, 2, 1}, 0, 2, 0}));
    auto slot = jobs::latest_slot(*monthly, LocalDateTime{{2026, 1, 15}, 9, 0, 0}, 31);
    BOOST_TEST_REQUIRE(slot.has_value());
    BOOST_TEST(jobs::slot_key(*slot) == "2026-01-01T00:01");
    BOOST_TEST(!jobs::latest_slot(*monthly, LocalDateTime{{2026, 3, 20}, 0, 0, 0}, 10).has_value());
    auto weekdays = jobs::parse_cron("*/15 8-17 * * 1-5");
    BOOST_TEST_REQUIRE(weekdays.ok());
    BOOST_TEST(jobs::matches(*weekdays, LocalDateTime{{2026, 1, 16}, 8, 45, 0}));   // Friday
    BOOST_TEST(!jobs::matches(*weekdays, LocalDateTime{{2026, 1, 17}, 8, 45, 0}));  // Saturday
    for (const char* bad : {"", "1 0 1 *", "60 0 1 * *", "1 24 1 * *", "1 0 0 * *", "a b c d e", "1 0 1 13 *", "*/0 * * * *"})
        BOOST_TEST(!jobs::parse_cron(bad).ok(), bad);
}

BOOST_AUTO_TEST_CASE(monthly_run_happens_once_per_slot_in_local_time_and_catches_up) {
    TestServer server;  // 2026-01-15 09:00 WIB: January's 00:01 slot was missed
    jobs::Scheduler scheduler(server.app(), invoice_job_only());
    auto first = scheduler.tick();
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST(*first == 1);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-01'") == billable_count(server, "2026-01"));
    BOOST_TEST(*scheduler.tick() == 0);

    server.clock().set(wib(2026, 2, 1, 0, 0, 59));  // 2026-01-31 17:00:59 UTC: not yet
    BOOST_TEST(*scheduler.tick() == 0);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-02'") == 0);
    server.clock().set(wib(2026, 2, 1, 0, 1));
    BOOST_TEST(*scheduler.tick() == 1);
    BOOST_TEST(*scheduler.tick() == 0);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE period = '2026-02'") == billable_count(server, "2026-02"));

    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM job_runs WHERE job = 'invoice_generation' AND status = 'succeeded'") == 2);
    BOOST_TEST(server.scalar("SELECT key FROM job_runs ORDER BY id DESC LIMIT 1") == "2026-02-01T00:01");

    auto runs = server.get("/api/jobs", server.login("admin"));
    BOOST_TEST_REQUIRE(runs.status == 200, runs.body);
    BOOST_TEST(runs.json()["total"] == 2);
    BOOST_TEST(runs.json()["data"][0]["result"]["period"] == "2026-02");
    BOOST_TEST(runs.json()["data"][0]["duration_ms"].is_number_integer());
    BOOST_TEST(runs.json()["jobs"][0]["name"] == "invoice_generation");
    BOOST_TEST(runs.json()["jobs"][0]["schedule"] == "1 0 1 * *");
    BOOST_TEST(server.get("/api/jobs", server.login("finance")).status == 403);
}

BOOST_AUTO_TEST_CASE(a_run_interrupted_by_a_crash_is_retried) {
    TestServer server;
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE((*db)->execute("INSERT INTO job_runs(job, key, status, started_at) VALUES "
                                      "('invoice_generation', '2026-01-01T00:01', 'running', 0)").ok());
    jobs::Scheduler scheduler(server.app(), invoice_job_only());
    BOOST_TEST(*scheduler.tick() == 0);  // another process may still be running it
    BOOST_TEST_REQUIRE(scheduler.recover_interrupted_runs().ok());
    BOOST_TEST(*scheduler.tick() == 1);
    BOOST_TEST(server.scalar("SELECT status FROM job_runs") == "succeeded");
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices") == billable_count(server, "2026-01"));
}

// A job's history is kept 90 days: when it runs, its older finished runs go; a run still marked
// running and other jobs' runs stay.
BOOST_AUTO_TEST_CASE(a_jobs_runs_older_than_90_days_go_when_it_runs_again) {
    TestServer server;  // 2026-01-15 09:00 WIB: 90 days back is 2025-10-17 09:00
    {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        BOOST_TEST_REQUIRE((*db)->execute("INSERT INTO job_runs(job, key, status, started_at) VALUES "
                                          "('invoice_generation', '2025-09-01T00:01', 'running', 0), "
                                          "('invoice_generation', '2025-10-01T00:01', 'succeeded', 0), "
                                          "('invoice_generation', '2025-10-17T08:59', 'failed', 0), "
                                          "('invoice_generation', '2025-10-17T09:00', 'succeeded', 0), "
                                          "('invoice_generation', '2025-11-01T00:01', 'succeeded', 0), "
                                          "('dunning', '2025-06-01T09:00', 'succeeded', 0)")
                                .ok());
    }
    jobs::Scheduler scheduler(server.app(), invoice_job_only());
    BOOST_TEST_REQUIRE(*scheduler.tick() == 1);
    std::vector<std::string> kept;
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    auto rows = (*db)->prepare("SELECT job || ' ' || key FROM job_runs ORDER BY job, key");
    BOOST_TEST_REQUIRE(rows.ok());
    while (rows->step().value_or(false)) kept.push_back(rows->column_text(0));
    const std::vector<std::string> expected{"dunning 2025-06-01T09:00", "invoice_generation 2025-09-01T00:01", "invoice_generation 2025-10-17T09:00",
                                            "invoice_generation 2025-11-01T00:01", "invoice_generation 2026-01-01T00:01"};
    BOOST_TEST(kept == expected, boost::test_tools::per_element());
}

// PostgreSQL's running invoice totals (migrations/postgresql/0055): a month's invoices and then a
// payment each for some of them leave a log of several rows per group; the job folds it to one row
// per group and records how many rows it replaced. SQLite keeps no such totals and has no such job.
BOOST_AUTO_TEST_CASE(the_report_totals_job_folds_the_running_totals_to_one_row_per_group) {
    TestServer server;  // 2026-01-15 09:00 WIB
    const auto named = [](store::Engine engine) {
        std::vector<jobs::Job> selected;
        for (auto& job : jobs::default_jobs(engine))
            if (job.name == "report_totals") selected.push_back(std::move(job));
        return selected;
    };
    BOOST_TEST(named(store::Engine::Sqlite).empty());
    std::vector<jobs::Job> selected = named(store::Engine::Postgresql);
    BOOST_TEST_REQUIRE(selected.size() == 1u);
    BOOST_TEST(selected[0].schedule_setting == "report_totals_schedule");
    BOOST_TEST(services::find_setting_definition("report_totals_schedule")->default_value == std::string("*/10 * * * *"));
    // The jobs screen lists it where it runs.
    const auto listed = server.get("/api/jobs", server.login("admin"));
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    const api::Json answer = listed.json();
    bool shown = false;
    for (const auto& job : answer["jobs"]) shown = shown || job["name"] == "report_totals";
    BOOST_TEST(shown == testing_postgresql(), listed.body);
    if (!testing_postgresql()) return;

    jobs::Scheduler invoices(server.app(), invoice_job_only());
    BOOST_TEST_REQUIRE(*invoices.tick() == 1);
    const std::int64_t billed = billable_count(server, "2026-01");
    BOOST_TEST_REQUIRE(billed > 4);
    {
        auto db = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(db.ok());
        // One statement, one row changed at a time: a log row each.
        BOOST_TEST_REQUIRE((*db)->execute("UPDATE invoices SET paid_amount = total, status = 'paid' WHERE id % 2 = 0").ok());
    }
    jobs::Scheduler scheduler(server.app(), std::move(selected));
    const std::string groups_sql =
        "SELECT COUNT(*) FROM (SELECT DISTINCT i.period, c.package_id, COALESCE(c.router_id, 0) FROM invoices i "
        "JOIN customers c ON c.id = i.customer_id WHERE i.status <> 'void') g";
    const std::int64_t groups = scalar_int(server, groups_sql);
    const std::int64_t before = scalar_int(server, "SELECT COUNT(*) FROM invoice_period_totals");
    BOOST_TEST_REQUIRE(before >= groups + billed / 2);
    BOOST_TEST(*scheduler.tick() == 1);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoice_period_totals") == groups);
    const auto result = api::Json::parse(server.scalar("SELECT result FROM job_runs WHERE job = 'report_totals'"));
    BOOST_TEST(result["rows_read"].get<std::int64_t>() - result["rows_written"].get<std::int64_t>() == before - groups);
    BOOST_TEST(result["rows_written"].get<std::int64_t>() <= groups);
    // The figures did not change: every group still sums to its invoices.
    BOOST_TEST(scalar_int(server, "SELECT SUM(paid) FROM invoice_period_totals") ==
               scalar_int(server, "SELECT SUM(paid_amount) FROM invoices"));
    BOOST_TEST(scalar_int(server, "SELECT SUM(invoices) FROM invoice_period_totals") == billed);
}

BOOST_AUTO_TEST_SUITE_END()
