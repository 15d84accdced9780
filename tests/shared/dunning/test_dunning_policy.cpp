// The dunning policy as tables: a month of daily runs per scenario, recording what each run
// decides (as the server would) and comparing the executed steps, day by day, with the schedule.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "dunning/policy.hpp"

using namespace kimonet;
using namespace kimonet::dunning;
namespace data = boost::unit_test::data;

namespace kimonet {
std::ostream& operator<<(std::ostream& out, CustomerStatus status) { return out << to_string(status); }
namespace billing {
std::ostream& operator<<(std::ostream& out, InvoiceStatus status) { return out << to_string(status); }
}  // namespace billing
namespace dunning {
std::ostream& operator<<(std::ostream& out, TimelineState state) { return out << to_string(state); }
}  // namespace dunning
}  // namespace kimonet

namespace {

// The default schedule with step ids 1..7 (H-7, H-3, H-1, H0, H+1 warn, H+3 late fee, H+7 isolate).
Schedule numbered(Schedule schedule) {
    for (std::size_t index = 0; index < schedule.steps.size(); ++index) schedule.steps[index].id = static_cast<std::int64_t>(index + 1);
    return schedule;
}

Schedule with_late_fee() {
    Schedule schedule = numbered(default_schedule());
    schedule.steps[5].enabled = true;
    return schedule;
}

DunningInvoice january(std::int64_t id = 11, Money total = 150000) {
    return DunningInvoice{id, "INV-202601-" + std::to_string(id), {2026, 1, 1}, {2026, 1, 10}, total, 0, billing::InvoiceStatus::Unpaid};
}

void pay(DunningInvoice& invoice, Money amount) {
    invoice.paid_amount += amount;
    invoice.status = billing::status_for(invoice.total, invoice.paid_amount);
}

// Runs the policy once a day from `from` to `to` (inclusive) except on `down` days, records every
// decision, and returns the executed ones as "MM-DD label action [amount]" lines.
struct Simulation {
    DunningCustomer customer{42, CustomerStatus::Active};
    std::vector<DunningInvoice> invoices;
    Schedule schedule = numbered(default_schedule());
    std::vector<RecordedAction> recorded;
    std::vector<std::string> executed;
    std::vector<std::string> skipped;

    void run_day(const Date& today) {
        for (const auto& decision : due_actions(customer, invoices, schedule, today, recorded)) {
            recorded.push_back({decision.invoice_id, decision.step->id, decision.skip ? ActionStatus::Skipped : ActionStatus::Done});
            std::ostringstream line;
            line << to_string(today).substr(5) << " " << decision.invoice_id << " " << day_label(decision.step->day_offset) << " "
                 << to_string(decision.step->action) << " " << decision.amount;
            (decision.skip ? skipped : executed).push_back(line.str());
            if (decision.skip) continue;
            if (decision.step->action == StepAction::Isolate) customer.status = CustomerStatus::Isolated;
            if (decision.step->action == StepAction::LateFee)
                for (auto& invoice : invoices)
                    if (invoice.id == decision.invoice_id) invoice.total += decision.amount;
        }
    }
    void run(const Date& from, const Date& to, std::vector<Date> down = {}) {
        for (Date day = from; day <= to; day = add_days(day, 1))
            if (std::find(down.begin(), down.end(), day) == down.end()) run_day(day);
    }
};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dunning_policy)

BOOST_AUTO_TEST_CASE(every_default_step_happens_on_its_day_exactly_once) {
    Simulation simulation;
    simulation.invoices = {january()};
    simulation.schedule = with_late_fee();
    simulation.run({2026, 1, 1}, {2026, 2, 28});
    BOOST_TEST(joined(simulation.executed) ==
               "01-03 11 H-7 remind 150000\n"
               "01-07 11 H-3 remind 150000\n"
               "01-09 11 H-1 remind 150000\n"
               "01-10 11 H0 remind 150000\n"
               "01-11 11 H+1 warn 150000\n"
               "01-13 11 H+3 late_fee 10000\n"
               "01-17 11 H+7 isolate 160000\n");
    BOOST_TEST(simulation.skipped.empty());
}

BOOST_AUTO_TEST_CASE(late_fee_is_off_in_the_default_schedule) {
    Simulation simulation;
    simulation.invoices = {january()};
    simulation.run({2026, 1, 1}, {2026, 1, 31});
    BOOST_TEST(simulation.executed.size() == 6u);
    for (const auto& line : simulation.executed) BOOST_TEST(line.find("late_fee") == std::string::npos);
}

struct MissedDaysCase {
    Date down_from;
    Date down_to;  // inclusive; the server is back the next day
    std::string executed_on_return;
    std::size_t skipped;
};
std::ostream& operator<<(std::ostream& out, const MissedDaysCase& c) {
    return out << "down " << to_string(c.down_from) << ".." << to_string(c.down_to);
}

const MissedDaysCase kMissedDays[] = {
    // Down over H-3 and H-1: back on H0, only the H0 reminder goes out.
    {{2026, 1, 5}, {2026, 1, 9}, "01-10 11 H0 remind 150000\n", 2},
    // Down from H-7 to H+2: back on H+3, only the isolir warning (the latest message) and the late fee.
    {{2026, 1, 2}, {2026, 1, 12}, "01-13 11 H+1 warn 150000\n01-13 11 H+3 late_fee 10000\n", 4},
    // Down past H+7: isolation and the late fee still happen once; the stale warning does not.
    {{2026, 1, 10}, {2026, 1, 20}, "01-21 11 H+3 late_fee 10000\n01-21 11 H+7 isolate 150000\n", 2},
};

BOOST_DATA_TEST_CASE(missed_days_send_only_the_latest_reminder_then_the_current_steps, data::make(kMissedDays), c) {
    Simulation simulation;
    simulation.invoices = {january()};
    simulation.schedule = with_late_fee();
    std::vector<Date> down;
    for (Date day = c.down_from; day <= c.down_to; day = add_days(day, 1)) down.push_back(day);
    simulation.run({2026, 1, 1}, {2026, 1, 31}, down);
    std::string on_return;
    for (const auto& line : simulation.executed)
        if (line.starts_with(to_string(add_days(c.down_to, 1)).substr(5))) on_return += line + "\n";
    BOOST_TEST(on_return == c.executed_on_return);
    BOOST_TEST(simulation.skipped.size() == c.skipped, joined(simulation.skipped));
    // Every step of the schedule is recorded exactly once, executed or skipped.
    BOOST_TEST(simulation.recorded.size() == 7u);
}

BOOST_AUTO_TEST_CASE(a_full_payment_cancels_the_remaining_steps) {
    Simulation simulation;
    simulation.invoices = {january()};
    simulation.run({2026, 1, 1}, {2026, 1, 8});
    BOOST_TEST(simulation.executed.size() == 2u);  // H-7 and H-3
    pay(simulation.invoices[0], 150000);
    simulation.run({2026, 1, 9}, {2026, 2, 28});
    BOOST_TEST(simulation.executed.size() == 2u, joined(simulation.executed));
    BOOST_TEST(simulation.customer.status == CustomerStatus::Active);
    const Timeline after = timeline(simulation.customer, simulation.invoices, simulation.schedule, {2026, 1, 9}, simulation.recorded);
    BOOST_TEST(after.entries.empty());
    BOOST_TEST(!after.isolation_date.has_value());
}

BOOST_AUTO_TEST_CASE(a_partial_payment_keeps_the_schedule_for_what_is_still_owed) {
    Simulation simulation;
    simulation.invoices = {january()};
    simulation.schedule = with_late_fee();
    simulation.schedule.steps[5].fee_kind = FeeKind::Percent;
    simulation.schedule.steps[5].fee_percent_bp = 500;  // 5 % of what is owed
    simulation.run({2026, 1, 1}, {2026, 1, 8});
    pay(simulation.invoices[0], 100000);
    BOOST_TEST(simulation.invoices[0].status == billing::InvoiceStatus::Partial);
    simulation.run({2026, 1, 9}, {2026, 1, 31});
    BOOST_TEST(joined(simulation.executed) ==
               "01-03 11 H-7 remind 150000\n"
               "01-07 11 H-3 remind 150000\n"
               "01-09 11 H-1 remind 50000\n"
               "01-10 11 H0 remind 50000\n"
               "01-11 11 H+1 warn 50000\n"
               "01-13 11 H+3 late_fee 2500\n"
               "01-17 11 H+7 isolate 52500\n");
}

BOOST_AUTO_TEST_CASE(several_unpaid_invoices_get_one_message_a_day_and_one_isolation) {
    Simulation simulation;
    DunningInvoice manual = january(12, 50000);
    manual.due_date = {2026, 1, 12};
    simulation.invoices = {manual, january()};
    simulation.run({2026, 1, 1}, {2026, 1, 31});
    // 01-11: the January warning (H+1) outranks the manual invoice's H-1 reminder the same day.
    BOOST_TEST(joined(simulation.executed) ==
               "01-03 11 H-7 remind 150000\n"
               "01-05 12 H-7 remind 50000\n"
               "01-07 11 H-3 remind 150000\n"
               "01-09 11 H-1 remind 150000\n"
               "01-10 11 H0 remind 150000\n"
               "01-11 11 H+1 warn 150000\n"
               "01-12 12 H0 remind 50000\n"
               "01-13 12 H+1 warn 50000\n"
               "01-17 11 H+7 isolate 150000\n");
    BOOST_TEST(joined(simulation.skipped) ==
               "01-09 12 H-3 remind 50000\n"  // same day as the January H-1: merged
               "01-11 12 H-1 remind 50000\n"
               "01-19 12 H+7 isolate 50000\n");  // already isolated by the January invoice
}

BOOST_AUTO_TEST_CASE(a_schedule_without_isolation_never_isolates) {
    Simulation simulation;
    simulation.invoices = {january()};
    Schedule business = numbered(default_schedule());
    business.name = "Bisnis";
    business.steps.pop_back();  // no H+7 isolate
    simulation.schedule = business;
    simulation.run({2026, 1, 1}, {2026, 3, 31});
    BOOST_TEST(simulation.customer.status == CustomerStatus::Active);
    BOOST_TEST(simulation.executed.size() == 5u);
    const Timeline view = timeline(simulation.customer, simulation.invoices, business, {2026, 1, 5}, simulation.recorded);
    BOOST_TEST(!view.isolation_date.has_value());
}

BOOST_AUTO_TEST_CASE(a_bill_issued_after_its_due_day_starts_its_schedule_on_issue) {
    Simulation simulation;
    DunningInvoice late = january();
    late.issue_date = {2026, 1, 15};
    simulation.invoices = {late};
    simulation.run({2026, 1, 15}, {2026, 1, 31});
    BOOST_TEST(joined(simulation.executed) ==
               "01-15 11 H0 remind 150000\n"
               "01-16 11 H+1 warn 150000\n"
               "01-22 11 H+7 isolate 150000\n");
}

BOOST_AUTO_TEST_CASE(inactive_and_terminated_customers_get_nothing) {
    for (auto status : {CustomerStatus::Inactive, CustomerStatus::Terminated}) {
        const auto decisions = due_actions({1, status}, {january()}, numbered(default_schedule()), {2026, 1, 20}, {});
        BOOST_TEST(decisions.empty());
    }
}

BOOST_AUTO_TEST_CASE(timeline_lists_dates_amounts_states_and_the_isolation_date) {
    const Schedule schedule = with_late_fee();
    const std::vector<RecordedAction> recorded = {{11, 1, ActionStatus::Done}, {11, 2, ActionStatus::Done}};
    const Timeline view = timeline({42, CustomerStatus::Active}, {january()}, schedule, {2026, 1, 9}, recorded);
    BOOST_TEST_REQUIRE(view.entries.size() == 7u);
    BOOST_TEST(to_string(view.entries[0].date) == "2026-01-03");
    BOOST_TEST(view.entries[0].state == TimelineState::Done);
    BOOST_TEST(view.entries[2].state == TimelineState::DueToday);  // H-1 on the 9th
    BOOST_TEST(view.entries[3].state == TimelineState::Upcoming);
    BOOST_TEST(to_string(view.entries[5].date) == "2026-01-13");
    BOOST_TEST(view.entries[5].amount == 10000);  // the late fee
    BOOST_TEST(to_string(view.entries[6].date) == "2026-01-17");
    BOOST_TEST(view.entries[6].amount == 150000);
    BOOST_TEST_REQUIRE(view.isolation_date.has_value());
    BOOST_TEST(to_string(*view.isolation_date) == "2026-01-17");
    BOOST_TEST(view.outstanding == 150000);
    // Already isolated: no isolation date to announce.
    const Timeline isolated = timeline({42, CustomerStatus::Isolated}, {january()}, schedule, {2026, 1, 9}, recorded);
    BOOST_TEST(!isolated.isolation_date.has_value());
}

BOOST_AUTO_TEST_CASE(an_isolation_missed_while_down_is_announced_for_today) {
    const Timeline view = timeline({42, CustomerStatus::Active}, {january()}, numbered(default_schedule()), {2026, 1, 25}, {});
    BOOST_TEST_REQUIRE(view.isolation_date.has_value());
    BOOST_TEST(to_string(*view.isolation_date) == "2026-01-25");
}

BOOST_AUTO_TEST_SUITE_END()
