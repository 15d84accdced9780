// Promise to pay: who may promise (settings, history) and what a promise does to the policy (the
// warning and isolation wait until the day after the promise's date; reminders go on).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/promise_messages.hpp"
#include "dunning/policy.hpp"
#include "dunning/promise.hpp"

using namespace kimonet;
using namespace kimonet::dunning;
namespace data = boost::unit_test::data;

namespace {

Schedule numbered_default() {
    Schedule schedule = default_schedule();
    for (std::size_t index = 0; index < schedule.steps.size(); ++index) schedule.steps[index].id = static_cast<std::int64_t>(index + 1);
    return schedule;
}

std::string problem(const PromiseSettings& settings, const std::vector<PastPromise>& history, std::int64_t invoice_id, const Date& today) {
    return customer_promise_problem(settings, history, invoice_id, today).value_or("");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(promise)

BOOST_AUTO_TEST_CASE(the_settings_decide_who_may_promise_and_how_often) {
    PromiseSettings settings{true, 3, PromiseFrequency::PerInvoice, PromiseCustomers::All};
    const Date today{2026, 3, 20};
    BOOST_TEST(problem(settings, {}, 7, today) == "");
    BOOST_TEST(problem(settings, {{7, {2026, 3, 1}, PromiseStatus::Kept}}, 7, today) == messages::kPromiseUsedForInvoice);
    BOOST_TEST(problem(settings, {{6, {2026, 3, 1}, PromiseStatus::Kept}}, 7, today) == "");
    settings.frequency = PromiseFrequency::PerMonth;
    BOOST_TEST(problem(settings, {{6, {2026, 3, 1}, PromiseStatus::Kept}}, 7, today) == messages::kPromiseUsedThisMonth);
    BOOST_TEST(problem(settings, {{6, {2026, 2, 28}, PromiseStatus::Kept}}, 7, today) == "");
    settings.frequency = PromiseFrequency::Per90Days;
    BOOST_TEST(problem(settings, {{6, add_days(today, -89), PromiseStatus::Kept}}, 7, today) == messages::kPromiseUsedRecently);
    BOOST_TEST(problem(settings, {{6, add_days(today, -90), PromiseStatus::Kept}}, 7, today) == "");
    // A broken promise closes the door for a year when the setting says so.
    settings.frequency = PromiseFrequency::PerInvoice;
    settings.customers = PromiseCustomers::WithoutBroken;
    BOOST_TEST(problem(settings, {{6, add_days(today, -364), PromiseStatus::Broken}}, 7, today) == messages::kPromiseAfterBroken);
    BOOST_TEST(problem(settings, {{6, add_days(today, -365), PromiseStatus::Broken}}, 7, today) == "");
    BOOST_TEST(problem(settings, {{6, add_days(today, -10), PromiseStatus::Kept}}, 7, today) == "");
    settings.customers = PromiseCustomers::StaffOnly;
    BOOST_TEST(problem(settings, {}, 7, today) == messages::kPromiseDisabled);
    settings = PromiseSettings{false, 3, PromiseFrequency::PerInvoice, PromiseCustomers::All};
    BOOST_TEST(problem(settings, {}, 7, today) == messages::kPromiseDisabled);
}

BOOST_DATA_TEST_CASE(setting_values_round_trip, data::make({"invoice", "month", "90_days"}), text) {
    BOOST_TEST(to_string(*parse_promise_frequency(text)) == text);
}

BOOST_AUTO_TEST_CASE(a_promise_defers_warning_and_isolation_until_the_day_after_its_date) {
    const Schedule schedule = numbered_default();  // H+1 warn (5), H+7 isolate (7)
    const std::vector<DunningInvoice> invoices = {{11, "INV-11", {2026, 1, 1}, {2026, 1, 10}, 150000, 0, billing::InvoiceStatus::Unpaid}};
    const DunningCustomer customer{42, CustomerStatus::Active};
    const std::optional<Date> until = Date{2026, 1, 20};
    const std::vector<RecordedAction> recorded = {{11, 1, ActionStatus::Done}, {11, 2, ActionStatus::Done}, {11, 3, ActionStatus::Done},
                                                  {11, 4, ActionStatus::Done}};
    // 17 January: past the isolation date, within the promise: nothing decided (nothing recorded).
    const Date seventeenth{2026, 1, 17};
    BOOST_TEST(due_actions(customer, invoices, schedule, seventeenth, recorded).size() == 2u);  // without the promise
    BOOST_TEST(without_deferred(due_actions(customer, invoices, schedule, seventeenth, recorded), seventeenth, until).empty());
    const Timeline view = timeline(customer, invoices, schedule, seventeenth, recorded);
    const PromisedTimeline promised = promised_timeline(view, seventeenth, until);
    BOOST_TEST_REQUIRE(promised.isolation_date.has_value());
    BOOST_TEST(to_string(*promised.isolation_date) == "2026-01-21");
    std::vector<std::string> postponed;
    for (std::size_t index = 0; index < view.entries.size(); ++index)
        if (promised.postponed[index]) postponed.push_back(std::string(to_string(view.entries[index].step.action)));
    BOOST_TEST(postponed == (std::vector<std::string>{"isolate"}));  // the warning will be skipped anyway (the isolation replaces it)
    // 21 January: the promise is over; the isolation is decided (the warning it replaces is skipped).
    const Date twenty_first{2026, 1, 21};
    const auto after = without_deferred(due_actions(customer, invoices, schedule, twenty_first, recorded), twenty_first, until);
    BOOST_TEST_REQUIRE(after.size() == 2u);
    BOOST_TEST((after[0].step->action == StepAction::Warn && after[0].skip));
    BOOST_TEST((after[1].step->action == StepAction::Isolate && !after[1].skip));
    // Reminders are never deferred; nothing is once the promise is over.
    BOOST_TEST(!deferred_by_promise(StepAction::Remind, seventeenth, until));
    BOOST_TEST(!deferred_by_promise(StepAction::LateFee, seventeenth, until));
    BOOST_TEST(deferred_by_promise(StepAction::Terminate, {2026, 1, 20}, until));
    BOOST_TEST(!deferred_by_promise(StepAction::Isolate, twenty_first, until));
    BOOST_TEST((promised_timeline(view, twenty_first, until).isolation_date == view.isolation_date));
}

BOOST_AUTO_TEST_SUITE_END()
