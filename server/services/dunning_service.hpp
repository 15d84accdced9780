#pragma once
// The dunning run: one service behind `kimonet dunning run [--dry-run]`, `POST /api/dunning/run`,
// the daily scheduled job (dunning_schedule, 09:00) and `kimonet whatsapp reminder`.
// It loads every open invoice within reach of a schedule, asks the pure policy (shared/dunning)
// what is due today, and carries it out: reminders and warnings through the notification outbox,
// late fees as invoice lines, isolation through network control. Each (invoice, step) is recorded
// once in dunning_actions (unique key), in the same transaction as the message or the fee line.
//
// Relation to the fixed grace-day auto-isolir: while dunning_enabled = 1 the scheduled auto_isolir
// job rests and the schedule's isolate step is the automatic isolation (same Sunday/holiday/hours
// window: outside it the step waits for the next run). `kimonet isolir auto` stays a manual tool.
#include <optional>
#include <set>
#include <unordered_set>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "dunning/policy.hpp"
#include "services/dunning_schedules.hpp"

namespace kimonet::services {

struct PlannedAction {
    dunning::Decision decision;  // decision.step points into DunningPlan::schedules
    std::string invoice_no;
    Date due_date;
    std::string service_number;
    std::string customer_name;
};

struct DunningPlan {
    Date today;
    ScheduleSet schedules;
    std::vector<PlannedAction> actions;  // by customer, then as the policy ordered them
    std::int64_t customers = 0;          // customers with an open invoice within reach
    std::int64_t invoices = 0;
    std::int64_t paused_by_outage = 0;   // customers left alone: under an outage (docs/outages.md)
};

// Load + policy, nothing written: what a run would do today. The customers in `paused` (under an
// outage, services/outage_service.hpp) get no decision at all: their steps wait, and the first run
// after the pause decides them as the policy does after missed days.
Result<DunningPlan> plan_dunning(store::Database& db, const Date& today, const std::unordered_set<std::int64_t>& paused);

struct DunningOptions {
    bool dry_run = false;
    // Only these actions are carried out or recorded (empty = all); `whatsapp reminder` uses remind + warn.
    std::set<dunning::StepAction> only;
    int list_limit = 200;  // actions listed in the report
};

// Runs the plan. The report: date, counts by action, how many were done / skipped / failed, the
// isolations waiting for the isolir window, and the first `list_limit` actions.
Result<api::Json> run_dunning(app::Context& context, const DunningOptions& options);

// The customer's schedule (and where it comes from), every step of their open invoices with its
// date, amount and state, the isolation date, and the recorded actions (newest first).
Result<api::Json> customer_dunning(store::Database& db, std::int64_t customer_id, const Date& today);

}  // namespace kimonet::services
