#pragma once
// Dunning in the store: schedules and their steps (retired, never deleted, so recorded actions
// keep their step), which schedule a package or customer uses, the actions recorded per
// (invoice, step), and the invoice reads the dunning run needs.
// Functions that write assume the caller holds the transaction (services open it with
// Database::transaction). Times are passed in from the Clock; never the database's "now".
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dunning/policy.hpp"
#include "dunning/schedule.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// ---- schedules and steps -------------------------------------------------------------------------

// Every schedule (id, name, description, is_default) by id, without steps.
Result<std::vector<dunning::Schedule>> list_dunning_schedule_rows(Database& db);
struct ScheduleStep {
    std::int64_t schedule_id = 0;
    dunning::Step step;
};
// Every step that is not retired, by schedule and position.
Result<std::vector<ScheduleStep>> list_active_dunning_steps(Database& db);
// The ids of the schedule's steps that are not retired.
Result<std::vector<std::int64_t>> active_dunning_step_ids(Database& db, std::int64_t schedule_id);

Result<bool> dunning_schedule_exists(Database& db, std::int64_t id);
// Another schedule (not `except_id`) already has this name.
Result<bool> dunning_schedule_name_taken(Database& db, const std::string& name, std::int64_t except_id);

Result<std::int64_t> insert_dunning_schedule(Database& db, const std::string& name, const std::string& description, std::int64_t now);
// No schedule is the default any more (before making another one the default).
Result<void> clear_default_dunning_schedule(Database& db);
// Name and description; `make_default` sets is_default (false leaves it as it is).
Result<void> update_dunning_schedule_row(Database& db, std::int64_t id, const std::string& name, const std::string& description,
                                         bool make_default, std::int64_t now);
// Gives the new step's id.
Result<std::int64_t> insert_dunning_step(Database& db, std::int64_t schedule_id, int position, const dunning::Step& step);
// Updates step.id in place (only when it belongs to the schedule).
Result<void> update_dunning_step(Database& db, std::int64_t schedule_id, int position, const dunning::Step& step);
Result<void> retire_dunning_step(Database& db, std::int64_t step_id);

// ---- assignments ---------------------------------------------------------------------------------

enum class DunningSubject { Package, Customer };
struct DunningAssignment {
    std::optional<std::int64_t> schedule_id;  // empty: none assigned
};
// Empty when the package/customer does not exist.
Result<std::optional<DunningAssignment>> find_dunning_assignment(Database& db, DunningSubject subject, std::int64_t id);
Result<void> set_dunning_assignment(Database& db, DunningSubject subject, std::int64_t id, std::optional<std::int64_t> schedule_id);
Result<std::vector<std::int64_t>> packages_with_dunning_schedule(Database& db, std::int64_t schedule_id);
Result<std::int64_t> count_customers_with_dunning_schedule(Database& db, std::int64_t schedule_id);

struct CustomerDunningSubject {
    std::string status;
    std::optional<std::int64_t> own_schedule_id, package_schedule_id;
};
Result<std::optional<CustomerDunningSubject>> find_customer_dunning_subject(Database& db, std::int64_t customer_id);

// ---- open invoices and recorded actions ----------------------------------------------------------

// An open invoice as stored (dates and statuses as text; the service parses them).
struct OpenDunningInvoice {
    std::int64_t id = 0;
    std::int64_t customer_id = 0;
    std::string invoice_no, issue_date, due_date;
    std::int64_t total = 0, paid_amount = 0;
    std::string status;
    // Only filled by for_each_open_dunning_invoice:
    std::string customer_status;
    std::int64_t schedule_id = 0;  // the customer's, else the package's, else 0 (the default)
    std::string service_number, customer_name;
    // The steps already recorded for the invoice (done, skipped or failed alike), read from the
    // (invoice_id, step_id) key alone: an index-only lookup per invoice, not the dunning_actions rows.
    std::vector<std::int64_t> recorded_step_ids;
};
// The open invoices due on or before `due_until` of active/isolated customers, by customer, due
// date and id, each with its recorded steps; `visit` sees each (streamed: the statement stays open,
// so `visit` must not write).
Result<void> for_each_open_dunning_invoice(Database& db, const std::string& due_until,
                                           const std::function<void(const OpenDunningInvoice&)>& visit);
// The customer's open invoices by due date and id.
Result<std::vector<OpenDunningInvoice>> list_customer_open_invoices(Database& db, std::int64_t customer_id);
Result<std::optional<std::string>> invoice_period_text(Database& db, std::int64_t invoice_id);

// Actions recorded for open invoices (of one customer, or of everyone when customer_id is 0) with
// their status (the timeline shows it; the dunning run reads recorded_step_ids instead).
Result<std::vector<dunning::RecordedAction>> recorded_dunning_actions(Database& db, std::int64_t customer_id);
Result<bool> dunning_action_recorded(Database& db, std::int64_t invoice_id, std::int64_t step_id);

struct NewDunningAction {
    std::int64_t invoice_id = 0, step_id = 0, customer_id = 0;
    std::string action, step_date;
    std::int64_t amount = 0;
    std::string status, result;
    std::optional<std::int64_t> notification_id;
    std::int64_t at = 0;
};
// False when (invoice, step) was already recorded (nothing written).
Result<bool> insert_dunning_action(Database& db, const NewDunningAction& action);

struct PastDunningAction {
    std::int64_t id = 0, invoice_id = 0;
    std::string invoice_no, action, step_date;
    std::int64_t amount = 0;
    std::string status, result;
    std::int64_t at = 0;
    int day_offset = 0;
};
// The customer's newest 100 actions, newest first.
Result<std::vector<PastDunningAction>> recent_dunning_actions(Database& db, std::int64_t customer_id);

// The customer's subscription ends (dunning's terminate step).
Result<void> terminate_customer(Database& db, std::int64_t customer_id);

}  // namespace kimonet::store
