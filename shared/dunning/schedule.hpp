#pragma once
// Dunning schedules: staged collection steps relative to an invoice's due date ("H-3" = three
// days before, "H+7" = seven days after), what each step does, its message template and its
// fee. Pure data and rules; the server stores schedules and carries out what the policy decides.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet::dunning {

enum class StepAction { Remind, Warn, LateFee, Isolate, Terminate };
std::string_view to_string(StepAction action);  // "remind", "warn", "late_fee", "isolate", "terminate"
std::optional<StepAction> parse_step_action(std::string_view text);
// Remind and warn only send a message; the other steps change the bill or the service.
bool is_message(StepAction action);

enum class FeeKind { Fixed, Percent };
std::string_view to_string(FeeKind kind);  // "fixed", "percent"
std::optional<FeeKind> parse_fee_kind(std::string_view text);

inline constexpr int kMinDayOffset = -60;
inline constexpr int kMaxDayOffset = 365;
inline constexpr std::size_t kMaxSteps = 30;

struct Step {
    std::int64_t id = 0;  // identity of the step: (invoice, step id) is the once-only key
    int day_offset = 0;   // days relative to the due date; negative = before
    StepAction action = StepAction::Remind;
    std::string channel = "whatsapp";  // "whatsapp" or "none"
    std::string template_key = "reminder";
    bool enabled = true;
    FeeKind fee_kind = FeeKind::Fixed;
    Money fee_amount = 0;    // fixed fee in rupiah
    int fee_percent_bp = 0;  // percentage fee in basis points of the outstanding amount (250 = 2,5%)
    Money fee_cap = 0;       // the most a percentage fee may be; 0 = no cap
    bool operator==(const Step&) const = default;
};

struct Schedule {
    std::int64_t id = 0;
    std::string name;
    std::string description;
    bool is_default = false;
    std::vector<Step> steps;  // kept sorted by (day_offset, action) by sort_steps()
};

// H-7, H-3, H-1 and H0 reminders, H+1 isolir warning, H+3 late fee of Rp 10.000 (disabled),
// H+7 isolate, no termination. Step ids are 0: the store gives them theirs.
Schedule default_schedule();

// Sorts steps by day offset, then by action (remind < warn < late_fee < isolate < terminate).
void sort_steps(std::vector<Step>& steps);

// Checks a schedule typed by staff. Field names: "name", "description", "steps",
// "steps.N.day_offset", "steps.N.template_key", "steps.N.fee_amount", … (N is the 0-based index).
Result<void> validate_schedule(const Schedule& schedule);

// The late fee of `step` on an invoice with `outstanding` left to pay: the fixed amount, or the
// percentage (rounded to the nearest rupiah) capped at fee_cap when a cap is set. Never negative.
Money late_fee_amount(const Step& step, Money outstanding);

// "H-7", "H0", "H+3": how the product's users write step days.
std::string day_label(int day_offset);

}  // namespace kimonet::dunning
