#pragma once
// The dunning policy: given a customer, their unpaid invoices, the actions already recorded, the
// schedule and today, which steps are due now, and the customer's timeline of every step.
//
// The rules, in one place:
// - Steps count from the invoice's *start date*: the later of its due date and its issue date, so
//   a bill issued late (a catch-up run) gets its whole schedule from the day it was issued.
// - Each (invoice, step) happens at most once: a recorded action (done, skipped or failed) is never
//   decided again. The server's unique key on dunning_actions makes that hold across crashes.
// - Messages (remind, warn) never come in a burst after missed days: of the message steps reached,
//   only the latest is sent; the older unrecorded ones are skipped ("terlewat"). That message is
//   also skipped when a later isolate or terminate step of the invoice has been reached (the
//   network notice replaces it), and a customer gets at most one dunning message per run (the most
//   severe, then the oldest invoice; others are skipped as "digabung").
// - Late fee, isolate and terminate still apply once when their day has passed, however late.
//   Isolate is skipped for a customer who is already isolated; terminate once per customer.
// - A fully paid (or void) invoice has no due steps: a payment cancels the rest of its schedule.
// - A partial payment does not stop the schedule: the steps continue for the amount still owed,
//   which is the amount in messages, the base of percentage late fees and what the timeline shows.
// - Customers who are not active or isolated (inactive, terminated) get nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/invoice.hpp"
#include "customers/customer.hpp"
#include "dunning/schedule.hpp"

namespace kimonet::dunning {

struct DunningInvoice {
    std::int64_t id = 0;
    std::string invoice_no;
    Date issue_date;
    Date due_date;
    Money total = 0;
    Money paid_amount = 0;
    billing::InvoiceStatus status = billing::InvoiceStatus::Unpaid;

    Money outstanding() const { return total - paid_amount; }
    bool open() const {
        return (status == billing::InvoiceStatus::Unpaid || status == billing::InvoiceStatus::Partial) && outstanding() > 0;
    }
    // The day step offsets count from: max(due date, issue date).
    Date start_date() const { return std::max(due_date, issue_date); }
};

struct DunningCustomer {
    std::int64_t id = 0;
    CustomerStatus status = CustomerStatus::Active;
};

enum class ActionStatus { Done, Skipped, Failed };
std::string_view to_string(ActionStatus status);  // "done", "skipped", "failed"
std::optional<ActionStatus> parse_action_status(std::string_view text);

// An action already recorded for (invoice, step).
struct RecordedAction {
    std::int64_t invoice_id = 0;
    std::int64_t step_id = 0;
    ActionStatus status = ActionStatus::Done;
};

struct Decision {
    std::int64_t customer_id = 0;
    std::int64_t invoice_id = 0;
    const Step* step = nullptr;  // points into the schedule passed to due_actions()
    Date date;                   // the step's day for this invoice
    Money amount = 0;            // late fee: the fee; otherwise the amount still owed
    bool skip = false;           // record as skipped (with `reason`) instead of carrying out
    std::string reason;
};

// The steps to carry out or to record as skipped today, ordered by invoice start date, then step.
// `invoices` may come in any order; `recorded` holds the customer's recorded actions (others are ignored).
std::vector<Decision> due_actions(const DunningCustomer& customer, const std::vector<DunningInvoice>& invoices,
                                  const Schedule& schedule, const Date& today, const std::vector<RecordedAction>& recorded);

enum class TimelineState { Done, Skipped, Failed, DueToday, Upcoming };
std::string_view to_string(TimelineState state);  // "done", "skipped", "failed", "due", "upcoming"

struct TimelineEntry {
    std::int64_t invoice_id = 0;
    std::string invoice_no;
    Step step;
    Date date;
    Money amount = 0;
    TimelineState state = TimelineState::Upcoming;
    std::string reason;  // why a due step will be skipped
};

struct Timeline {
    std::vector<TimelineEntry> entries;  // every enabled step of every open invoice, by date
    std::optional<Date> isolation_date;  // the next isolate step that will happen (none when isolated)
    Money outstanding = 0;               // sum over open invoices
};

// Every enabled step of the customer's open invoices with its date and amount: recorded steps with
// their state, steps the policy would carry out or skip today, and the upcoming ones.
Timeline timeline(const DunningCustomer& customer, const std::vector<DunningInvoice>& invoices, const Schedule& schedule,
                  const Date& today, const std::vector<RecordedAction>& recorded);

}  // namespace kimonet::dunning
