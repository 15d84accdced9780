#pragma once
// Promise to pay ("janji bayar"): a customer with an overdue invoice postpones isolation by a few
// days, once per period; staff with dunning.promise_grant may grant more or longer. These are the
// pure rules (what the settings mean, who may promise now, until when); the server
// (services/payment_promise) stores promises and the dunning policy defers isolation while one holds.
//
// - A promise names one open invoice whose due date has come (the customer's oldest overdue one
//   unless the portal or staff name another) and runs from today (Asia/Jakarta by default, the
//   `timezone` setting) to today + days, inclusive: the first dunning run after that date isolates
//   the customer if the invoice is still unpaid, and the promise is then "broken"; paid by then, it
//   is "kept". A staff grant while one holds replaces it ("replaced").
// - Customer promises: only when `dunning_promise_enabled` = 1, `dunning_promise_days` days (1-14),
//   at most one per invoice / calendar month / 90 days (`dunning_promise_frequency`), and only for
//   the customers `dunning_promise_customers` admits (all, those without a broken promise in the
//   last 365 days, or none: staff only). Staff grants skip these three rules, up to 30 days, with a reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "dunning/policy.hpp"

namespace kimonet::dunning {

inline constexpr int kPromiseMaxCustomerDays = 14;
inline constexpr int kPromiseMaxStaffDays = 30;
inline constexpr int kPromiseBrokenMemoryDays = 365;  // "customers without a broken promise": this far back
inline constexpr int kPromiseRollingDays = 90;        // frequency "90_days"

enum class PromiseFrequency { PerInvoice, PerMonth, Per90Days };
enum class PromiseCustomers { All, WithoutBroken, StaffOnly };
enum class PromiseChannel { Portal, IsolirPage, WhatsApp, Staff };
enum class PromiseStatus { Active, Kept, Broken, Replaced };

std::string_view to_string(PromiseFrequency frequency);  // "invoice", "month", "90_days"
std::string_view to_string(PromiseCustomers customers);  // "all", "without_broken", "staff_only"
std::string_view to_string(PromiseChannel channel);      // "portal", "isolir_page", "whatsapp", "staff"
std::string_view to_string(PromiseStatus status);        // "active", "kept", "broken", "replaced"
std::optional<PromiseFrequency> parse_promise_frequency(std::string_view text);
std::optional<PromiseCustomers> parse_promise_customers(std::string_view text);
std::optional<PromiseChannel> parse_promise_channel(std::string_view text);
std::optional<PromiseStatus> parse_promise_status(std::string_view text);

struct PromiseSettings {
    bool enabled = false;
    int days = 3;
    PromiseFrequency frequency = PromiseFrequency::PerInvoice;
    PromiseCustomers customers = PromiseCustomers::All;
};

// A promise made earlier, as far as the rules need it.
struct PastPromise {
    std::int64_t invoice_id = 0;
    Date made_on;
    PromiseStatus status = PromiseStatus::Active;
};

// Why the customer may not promise today for `invoice_id` (a catalogue message), or nothing.
// `history` is the customer's promises, any order; an active one is handled by the caller (the
// answer to a repeated request is that promise, not a refusal).
std::optional<std::string> customer_promise_problem(const PromiseSettings& settings, const std::vector<PastPromise>& history,
                                                    std::int64_t invoice_id, const Date& today);

// The last day of a promise of `days` days made on `today`.
inline Date promise_until(const Date& today, int days) { return add_days(today, days); }

// What a promise does to the dunning policy (policy.hpp): while it holds (today <= its last day)
// the warning, isolation and termination steps are deferred — not decided and not recorded, so the
// first run after the last day decides them. Reminders and late fees go on as usual.
bool deferred_by_promise(StepAction action, const Date& today, const std::optional<Date>& promised_until);
// `decisions` (due_actions') without the ones the promise defers.
std::vector<Decision> without_deferred(std::vector<Decision> decisions, const Date& today, const std::optional<Date>& promised_until);

// The customer's timeline as a promise changes it: which entries are postponed (deferred steps not
// yet recorded, dated up to the promise's last day) and the isolation date (the day after the last
// day when an isolation would otherwise fall within it).
struct PromisedTimeline {
    std::vector<bool> postponed;  // one per timeline entry
    std::optional<Date> isolation_date;
};
PromisedTimeline promised_timeline(const Timeline& timeline, const Date& today, const std::optional<Date>& promised_until);

}  // namespace kimonet::dunning
