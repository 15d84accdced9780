#include "dunning/policy.hpp"

#include <algorithm>

namespace kimonet::dunning {

namespace {

const RecordedAction* find_recorded(const std::vector<RecordedAction>& recorded, std::int64_t invoice_id, std::int64_t step_id) {
    for (const auto& action : recorded)
        if (action.invoice_id == invoice_id && action.step_id == step_id) return &action;
    return nullptr;
}

// Enabled steps in (day_offset, action) order, whatever order the schedule holds them in.
std::vector<const Step*> enabled_steps(const Schedule& schedule) {
    std::vector<const Step*> steps;
    steps.reserve(schedule.steps.size());
    for (const auto& step : schedule.steps)
        if (step.enabled) steps.push_back(&step);
    std::stable_sort(steps.begin(), steps.end(), [](const Step* left, const Step* right) {
        return std::pair(left->day_offset, static_cast<int>(left->action)) < std::pair(right->day_offset, static_cast<int>(right->action));
    });
    return steps;
}

std::vector<const DunningInvoice*> open_invoices(const std::vector<DunningInvoice>& invoices) {
    std::vector<const DunningInvoice*> open;
    for (const auto& invoice : invoices)
        if (invoice.open()) open.push_back(&invoice);
    std::stable_sort(open.begin(), open.end(), [](const DunningInvoice* left, const DunningInvoice* right) {
        return std::pair(left->start_date(), left->id) < std::pair(right->start_date(), right->id);
    });
    return open;
}

bool billable(const DunningCustomer& customer) {
    return customer.status == CustomerStatus::Active || customer.status == CustomerStatus::Isolated;
}

int severity(StepAction action) { return action == StepAction::Warn ? 1 : 0; }

}  // namespace

std::string_view to_string(ActionStatus status) {
    switch (status) {
        case ActionStatus::Done: return "done";
        case ActionStatus::Skipped: return "skipped";
        case ActionStatus::Failed: return "failed";
    }
    return "done";
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
    if (text == "done") return ActionStatus::Done;
    if (text == "skipped") return ActionStatus::Skipped;
    if (text == "failed") return ActionStatus::Failed;
    return std::nullopt;
}

std::string_view to_string(TimelineState state) {
    switch (state) {
        case TimelineState::Done: return "done";
        case TimelineState::Skipped: return "skipped";
        case TimelineState::Failed: return "failed";
        case TimelineState::DueToday: return "due";
        case TimelineState::Upcoming: return "upcoming";
    }
    return "upcoming";
}

std::vector<Decision> due_actions(const DunningCustomer& customer, const std::vector<DunningInvoice>& invoices,
                                  const Schedule& schedule, const Date& today, const std::vector<RecordedAction>& recorded) {
    std::vector<Decision> decisions;
    if (!billable(customer)) return decisions;
    const auto steps = enabled_steps(schedule);
    bool network_step_taken = customer.status == CustomerStatus::Isolated;
    bool terminate_taken = false;
    std::optional<std::size_t> message;  // index into decisions of the one message this run sends
    for (const DunningInvoice* invoice : open_invoices(invoices)) {
        const std::int64_t elapsed = days_between(invoice->start_date(), today);
        const Step* latest_message = nullptr;
        std::optional<int> network_step_reached;  // offset of the latest isolate/terminate step reached
        for (const Step* step : steps) {
            if (step->day_offset > elapsed) break;
            if (is_message(step->action)) latest_message = step;
            else if (step->action == StepAction::Isolate || step->action == StepAction::Terminate) network_step_reached = step->day_offset;
        }
        for (const Step* step : steps) {
            if (step->day_offset > elapsed) break;
            if (find_recorded(recorded, invoice->id, step->id)) continue;
            Decision decision{customer.id, invoice->id, step, add_days(invoice->start_date(), step->day_offset), invoice->outstanding(), false, {}};
            switch (step->action) {
                case StepAction::Remind:
                case StepAction::Warn:
                    if (step != latest_message) {
                        decision.skip = true;
                        decision.reason = "terlewat: ada langkah yang lebih baru";
                    } else if (network_step_reached && *network_step_reached > step->day_offset) {
                        decision.skip = true;
                        decision.reason = "diganti pemberitahuan isolir";
                    }
                    break;
                case StepAction::LateFee: decision.amount = late_fee_amount(*step, invoice->outstanding()); break;
                case StepAction::Isolate:
                    if (network_step_taken) {
                        decision.skip = true;
                        decision.reason = "pelanggan sudah diisolir";
                    }
                    network_step_taken = true;
                    break;
                case StepAction::Terminate:
                    if (terminate_taken) {
                        decision.skip = true;
                        decision.reason = "pelanggan sudah diputus";
                    }
                    terminate_taken = true;
                    break;
            }
            if (is_message(step->action) && !decision.skip) {
                if (message) {
                    Decision& kept = decisions[*message];
                    // The more severe message wins; on a tie the older invoice (already kept) stays.
                    if (severity(step->action) > severity(kept.step->action)) {
                        kept.skip = true;
                        kept.reason = "digabung dengan pesan lain hari ini";
                        message = decisions.size();
                    } else {
                        decision.skip = true;
                        decision.reason = "digabung dengan pesan lain hari ini";
                    }
                } else {
                    message = decisions.size();
                }
            }
            decisions.push_back(std::move(decision));
        }
    }
    return decisions;
}

Timeline timeline(const DunningCustomer& customer, const std::vector<DunningInvoice>& invoices, const Schedule& schedule,
                  const Date& today, const std::vector<RecordedAction>& recorded) {
    Timeline out;
    const auto decisions = due_actions(customer, invoices, schedule, today, recorded);
    const auto steps = enabled_steps(schedule);
    const bool active = billable(customer);
    for (const DunningInvoice* invoice : open_invoices(invoices)) {
        out.outstanding += invoice->outstanding();
        for (const Step* step : steps) {
            TimelineEntry entry{invoice->id, invoice->invoice_no, *step, add_days(invoice->start_date(), step->day_offset),
                                step->action == StepAction::LateFee ? late_fee_amount(*step, invoice->outstanding()) : invoice->outstanding(),
                                TimelineState::Upcoming, {}};
            if (const auto* action = find_recorded(recorded, invoice->id, step->id)) {
                entry.state = action->status == ActionStatus::Done      ? TimelineState::Done
                              : action->status == ActionStatus::Skipped ? TimelineState::Skipped
                                                                        : TimelineState::Failed;
            } else if (entry.date <= today) {
                if (!active) continue;
                const auto decided = std::find_if(decisions.begin(), decisions.end(), [&](const Decision& decision) {
                    return decision.invoice_id == invoice->id && decision.step == step;
                });
                if (decided == decisions.end()) continue;
                entry.state = TimelineState::DueToday;
                entry.reason = decided->reason;
                if (decided->skip) entry.state = TimelineState::Skipped;
            }
            const bool will_isolate = entry.state == TimelineState::Upcoming || (entry.state == TimelineState::DueToday && entry.reason.empty());
            if (step->action == StepAction::Isolate && will_isolate && customer.status == CustomerStatus::Active &&
                (!out.isolation_date || entry.date < *out.isolation_date))
                out.isolation_date = std::max(entry.date, today);
            out.entries.push_back(std::move(entry));
        }
    }
    std::stable_sort(out.entries.begin(), out.entries.end(),
                     [](const TimelineEntry& left, const TimelineEntry& right) { return left.date < right.date; });
    return out;
}

}  // namespace kimonet::dunning
