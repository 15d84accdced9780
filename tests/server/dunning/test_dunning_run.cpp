// The dunning run end to end: invoices through the API, one run per simulated day on the
// ManualClock, messages checked in the outbox, late fees on the invoice, isolation on the
// simulated RouterOS router, and every (invoice, step) recorded exactly once.
#include <boost/test/unit_test.hpp>

#include "jobs/scheduler.hpp"
#include "dunning_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr const char* kFullMonth =
    "reminder@2026-01-17,reminder@2026-01-21,reminder@2026-01-23,reminder@2026-01-24,isolir_warning@2026-01-25";

}  // namespace

BOOST_AUTO_TEST_SUITE(dunning_run)

BOOST_AUTO_TEST_CASE(a_month_of_daily_runs_sends_each_step_on_its_day_once_and_isolates_on_h7) {
    DunningFixture fixture;
    const auto invoice = fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 1, 30});
    BOOST_TEST(fixture.messages(2) == kFullMonth);
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.profile_on_router(2) != "ISOLIR");

    fixture.run_days({2026, 1, 31}, {2026, 2, 14});
    BOOST_TEST(fixture.messages(2) == kFullMonth);
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");
    const std::int64_t isolated_at = fixture.count("SELECT at FROM dunning_actions WHERE action = 'isolate'");
    BOOST_TEST(to_string(local_from_unix(isolated_at, UtcOffset{420}).date) == "2026-01-31");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM dunning_actions WHERE action = 'isolate'") == "done");
    // Six enabled steps (the late fee is off by default), each recorded once for the invoice.
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM dunning_actions WHERE invoice_id = " + std::to_string(invoice) + " AND status = 'done'") == 6);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action LIKE 'dunning.%'") == 6);
    // The isolir notice comes from network control, once.
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE customer_id = 2 AND template = 'isolir_notice'") == 1);
    // The messages name the amount, the due date and (the warning) the isolation date.
    const std::string warning = fixture.server.scalar("SELECT body FROM notifications WHERE template = 'isolir_warning'");
    BOOST_TEST(warning.find("Rp 150.000") != std::string::npos, warning);
    BOOST_TEST(warning.find("24 Januari 2026") != std::string::npos, warning);
    BOOST_TEST(warning.find("31 Januari 2026") != std::string::npos, warning);
    // Nobody else has an open invoice: nobody else was contacted.
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE customer_id <> 2") == 0);
}

BOOST_AUTO_TEST_CASE(a_second_run_on_the_same_day_does_nothing_new) {
    DunningFixture fixture;
    fixture.create_invoice(2, "2026-01-24");
    fixture.set_day({2026, 1, 31});
    const auto first = fixture.run();
    BOOST_TEST(first["done"] == 1, first.dump());  // the isolation; the stale reminders are skipped
    BOOST_TEST(first["skipped"] == 5, first.dump());
    const std::string before = fixture.server.snapshot();
    fixture.server.clock().advance(3600);
    const auto second = fixture.run();
    BOOST_TEST(second["done"] == 0, second.dump());
    BOOST_TEST(second["skipped"] == 0, second.dump());
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(after_five_days_down_only_the_latest_reminder_goes_out) {
    DunningFixture fixture;
    const auto invoice = fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 1, 17});
    fixture.run_days({2026, 1, 23}, {2026, 1, 23});  // down 18-22 January: H-3 was missed
    BOOST_TEST(fixture.messages(2) == "reminder@2026-01-17,reminder@2026-01-23");
    BOOST_TEST(fixture.server.scalar("SELECT status || ' ' || step_date FROM dunning_actions WHERE invoice_id = " + std::to_string(invoice) +
                                     " AND status = 'skipped'") == "skipped 2026-01-21");
}

BOOST_AUTO_TEST_CASE(a_payment_mid_schedule_cancels_the_remaining_steps) {
    DunningFixture fixture;
    const auto invoice = fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 1, 21});
    fixture.set_day({2026, 1, 22});
    auto paid = fixture.server.post("/api/payments", api::Json{{"invoice_id", invoice}, {"amount", 150000}, {"method", "cash"}}.dump(),
                                    fixture.server.login("finance"));
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    fixture.run_days({2026, 1, 22}, {2026, 2, 14});
    BOOST_TEST(fixture.messages(2) == "reminder@2026-01-17,reminder@2026-01-21");
    BOOST_TEST(fixture.status(2) == "active");
    BOOST_TEST(fixture.profile_on_router(2) != "ISOLIR");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM dunning_actions") == 2);
}

BOOST_AUTO_TEST_CASE(a_partial_payment_keeps_reminding_for_what_is_still_owed) {
    DunningFixture fixture;
    const auto invoice = fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 1, 21});
    fixture.set_day({2026, 1, 22});
    auto paid = fixture.server.post("/api/payments", api::Json{{"invoice_id", invoice}, {"amount", 100000}, {"method", "cash"}, {"confirm", "partial"}}.dump(),
                                    fixture.server.login("finance"));
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    fixture.run_days({2026, 1, 22}, {2026, 1, 31});
    BOOST_TEST(fixture.messages(2) == kFullMonth);
    // Queued on 2026-01-23 WIB: the day's bounds in unix seconds.
    const std::int64_t day_start = unix_from_local(LocalDateTime{{2026, 1, 23}, 0, 0, 0}, UtcOffset{420});
    const std::string reminder = fixture.server.scalar(
        "SELECT body FROM notifications WHERE idempotency_key LIKE 'dunning:%' AND created_at >= " + std::to_string(day_start) +
        " AND created_at < " + std::to_string(day_start + 86400));
    BOOST_TEST(reminder.find("Rp 50.000") != std::string::npos, reminder);
    BOOST_TEST(fixture.status(2) == "isolated");
}

BOOST_AUTO_TEST_CASE(an_enabled_late_fee_becomes_one_invoice_line) {
    DunningFixture fixture;
    auto schedule = fixture.server.get("/api/dunning/schedules/1", fixture.admin).json()["data"];
    for (auto& step : schedule["steps"])
        if (step["action"] == "late_fee") step["enabled"] = true;
    auto updated = fixture.server.put("/api/dunning/schedules/1", schedule.dump(), fixture.admin);
    BOOST_TEST_REQUIRE(updated.status == 200, updated.body);
    const auto invoice = fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 2, 14});
    fixture.run();  // once more on the last day
    const std::string id = std::to_string(invoice);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) || ' ' || SUM(amount) FROM invoice_lines WHERE kind = 'late_fee' AND invoice_id = " + id) ==
               "1 10000");
    BOOST_TEST(fixture.server.scalar("SELECT total FROM invoices WHERE id = " + id) == "160000");
    BOOST_TEST(fixture.messages(2) == std::string(kFullMonth) + ",late_fee_notice@2026-01-27");
    const std::string notice = fixture.server.scalar("SELECT body FROM notifications WHERE template = 'late_fee_notice'");
    BOOST_TEST(notice.find("Rp 10.000") != std::string::npos, notice);
    BOOST_TEST(notice.find("Rp 160.000") != std::string::npos, notice);
}

BOOST_AUTO_TEST_CASE(a_business_package_schedule_reminds_but_never_isolates) {
    DunningFixture fixture;
    const api::Json business = {{"name", "Bisnis tanpa isolir"},
                                {"steps",
                                 {{{"day_offset", -3}, {"action", "remind"}, {"template_key", "reminder"}},
                                  {{"day_offset", 0}, {"action", "remind"}, {"template_key", "reminder"}},
                                  {{"day_offset", 5}, {"action", "remind"}, {"template_key", "reminder"}}}}};
    auto created = fixture.server.post("/api/dunning/schedules", business.dump(), fixture.admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const auto schedule_id = created.json()["data"]["id"].get<std::int64_t>();
    // Customer 3 is on the Bisnis 50 Mbps package (id 4); customer 2 stays on the default schedule.
    BOOST_TEST_REQUIRE(fixture.server.scalar("SELECT package_id FROM customers WHERE id = 3") == "4");
    auto assigned = fixture.server.put("/api/packages/4/dunning-schedule", api::Json{{"schedule_id", schedule_id}}.dump(), fixture.admin);
    BOOST_TEST_REQUIRE(assigned.status == 200, assigned.body);
    fixture.create_invoice(3, "2026-01-24", 750000);
    fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 3, 1});
    BOOST_TEST(fixture.messages(3) == "reminder@2026-01-21,reminder@2026-01-24,reminder@2026-01-29");
    BOOST_TEST(fixture.status(3) == "active");
    BOOST_TEST(fixture.profile_on_router(3) != "ISOLIR");
    BOOST_TEST(fixture.status(2) == "isolated");
}

BOOST_AUTO_TEST_CASE(a_dry_run_lists_what_is_due_and_changes_nothing) {
    DunningFixture fixture;
    fixture.create_invoice(2, "2026-01-24");
    fixture.set_day({2026, 1, 31});
    const std::string admin = fixture.server.login("admin");
    const std::string before = fixture.server.snapshot();
    auto reply = fixture.server.post("/api/dunning/run", R"({"dry_run":true})", admin);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto report = reply.json()["data"];
    BOOST_TEST(report["dry_run"] == true);
    BOOST_TEST(report["by_action"]["isolate"] == 1, report.dump());
    bool isolate_listed = false;
    for (const auto& action : report["actions"]) isolate_listed |= action["action"] == "isolate" && action["outcome"] == "due";
    BOOST_TEST(isolate_listed, report.dump());
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.profile_on_router(2) != "ISOLIR");
}

BOOST_AUTO_TEST_CASE(isolation_waits_on_sunday_and_happens_on_monday) {
    DunningFixture fixture;
    fixture.create_invoice(2, "2026-01-25");  // H+7 is Sunday 1 February
    fixture.run_days({2026, 1, 15}, {2026, 2, 1});
    BOOST_TEST(fixture.status(2) == "active");
    fixture.run_days({2026, 2, 2}, {2026, 2, 2});
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");
}

BOOST_AUTO_TEST_CASE(the_daily_job_runs_dunning_at_nine_and_the_grace_day_job_rests) {
    DunningFixture fixture;
    fixture.create_invoice(2, "2026-01-22");  // H-7 is today, the 15th; H-3 the 19th
    std::vector<jobs::Job> selected;
    for (auto& job : jobs::default_jobs(store::Engine::Sqlite))
        if (job.name == "dunning" || job.name == "auto_isolir") selected.push_back(std::move(job));
    BOOST_TEST_REQUIRE(selected.size() == 2u);
    jobs::Scheduler scheduler(fixture.server.app(), std::move(selected));
    fixture.set_day({2026, 1, 15}, 9);
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST(fixture.messages(2) == "reminder@2026-01-15");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM job_runs WHERE job = 'dunning'") == "succeeded");
    BOOST_TEST(fixture.server.scalar("SELECT result FROM job_runs WHERE job = 'auto_isolir'").find("dunning aktif") != std::string::npos);
    fixture.set_day({2026, 1, 16}, 8);  // before the next 09:00 slot: nothing runs
    BOOST_TEST(*scheduler.tick() == 1);  // only auto_isolir's 08:00 slot
    fixture.set_day({2026, 1, 19}, 9);
    BOOST_TEST_REQUIRE(scheduler.tick().ok());
    BOOST_TEST(fixture.messages(2) == "reminder@2026-01-15,reminder@2026-01-19");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM job_runs WHERE job = 'dunning'") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
