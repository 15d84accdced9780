#include "dunning/schedule.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "billing/rounding.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "messaging/templates.hpp"

namespace kimonet::dunning {

namespace {

constexpr std::pair<StepAction, std::string_view> kActionNames[] = {
    {StepAction::Remind, "remind"},   {StepAction::Warn, "warn"},           {StepAction::LateFee, "late_fee"},
    {StepAction::Isolate, "isolate"}, {StepAction::Terminate, "terminate"},
};

Step make_step(int day_offset, StepAction action, std::string template_key, bool enabled = true) {
    Step step;
    step.day_offset = day_offset;
    step.action = action;
    step.template_key = std::move(template_key);
    step.enabled = enabled;
    return step;
}

}  // namespace

std::string_view to_string(StepAction action) {
    for (const auto& [value, name] : kActionNames)
        if (value == action) return name;
    return "remind";
}

std::optional<StepAction> parse_step_action(std::string_view text) {
    for (const auto& [value, name] : kActionNames)
        if (name == text) return value;
    return std::nullopt;
}

bool is_message(StepAction action) { return action == StepAction::Remind || action == StepAction::Warn; }

std::string_view to_string(FeeKind kind) { return kind == FeeKind::Percent ? "percent" : "fixed"; }

std::optional<FeeKind> parse_fee_kind(std::string_view text) {
    if (text == "fixed") return FeeKind::Fixed;
    if (text == "percent") return FeeKind::Percent;
    return std::nullopt;
}

Schedule default_schedule() {
    Schedule schedule;
    schedule.name = "Standar";
    schedule.description = "Pengingat H-7, H-3, H-1, H0; peringatan isolir H+1; denda H+3 (nonaktif); isolir H+7";
    schedule.is_default = true;
    schedule.steps = {make_step(-7, StepAction::Remind, "reminder"),      make_step(-3, StepAction::Remind, "reminder"),
                      make_step(-1, StepAction::Remind, "reminder"),      make_step(0, StepAction::Remind, "reminder"),
                      make_step(1, StepAction::Warn, "isolir_warning"),   make_step(3, StepAction::LateFee, "late_fee_notice", false),
                      make_step(7, StepAction::Isolate, "isolir_notice")};
    schedule.steps[5].fee_amount = 10000;
    return schedule;
}

void sort_steps(std::vector<Step>& steps) {
    std::stable_sort(steps.begin(), steps.end(), [](const Step& left, const Step& right) {
        return std::pair(left.day_offset, static_cast<int>(left.action)) < std::pair(right.day_offset, static_cast<int>(right.action));
    });
}

Result<void> validate_schedule(const Schedule& schedule) {
    FieldErrors fields;
    const std::string name = trim_copy(schedule.name);
    if (name.empty()) fields["name"] = messages::kRequired;
    else if (utf8_length(name) > 100) fields["name"] = messages::kTooLong100;
    if (utf8_length(schedule.description) > 500) fields["description"] = messages::kTooLong500;
    if (schedule.steps.size() > kMaxSteps) fields["steps"] = messages::kTooManySteps;
    std::set<std::pair<int, StepAction>> seen;
    int isolate_steps = 0, terminate_steps = 0;
    for (std::size_t index = 0; index < schedule.steps.size(); ++index) {
        const Step& step = schedule.steps[index];
        const std::string prefix = "steps." + std::to_string(index) + ".";
        if (step.day_offset < kMinDayOffset || step.day_offset > kMaxDayOffset)
            fields[prefix + "day_offset"] = messages::kDayOffsetRange;
        else if (!seen.insert({step.day_offset, step.action}).second)
            fields[prefix + "day_offset"] = messages::kSameStepSameDay;
        if (step.channel != "whatsapp" && step.channel != "none") fields[prefix + "channel"] = messages::kChannelChoice;
        else if (is_message(step.action) && step.channel == "none") fields[prefix + "channel"] = messages::kReminderNeedsWhatsapp;
        if (step.channel == "whatsapp" && !messaging::find_template_definition(step.template_key))
            fields[prefix + "template_key"] = messages::kUnknownTemplateKey;
        if (step.action == StepAction::LateFee) {
            if (step.fee_kind == FeeKind::Fixed && (step.fee_amount < 1 || step.fee_amount > 100'000'000))
                fields[prefix + "fee_amount"] = messages::kFeeAmountRange;
            if (step.fee_kind == FeeKind::Percent && (step.fee_percent_bp < 1 || step.fee_percent_bp > 10000))
                fields[prefix + "fee_percent_bp"] = messages::kFeePercentRange;
            if (step.fee_cap < 0 || step.fee_cap > 100'000'000) fields[prefix + "fee_cap"] = messages::kFeeCapRange;
        }
        if (step.enabled && step.action == StepAction::Isolate) ++isolate_steps;
        if (step.enabled && step.action == StepAction::Terminate) ++terminate_steps;
    }
    if (isolate_steps > 1) fields["steps"] = messages::kOneIsolateStep;
    if (terminate_steps > 1) fields["steps"] = messages::kOneTerminateStep;
    if (!fields.empty()) return validation_error(std::move(fields));
    return {};
}

Money late_fee_amount(const Step& step, Money outstanding) {
    if (step.fee_kind == FeeKind::Fixed) return std::max<Money>(step.fee_amount, 0);
    if (outstanding <= 0) return 0;
    Money fee = billing::round_fraction(outstanding * step.fee_percent_bp, 10000, billing::RoundingMode::Nearest);
    if (step.fee_cap > 0) fee = std::min(fee, step.fee_cap);
    return std::max<Money>(fee, 0);
}

std::string day_label(int day_offset) {
    if (day_offset == 0) return "H0";
    return (day_offset < 0 ? "H-" : "H+") + std::to_string(day_offset < 0 ? -day_offset : day_offset);
}

}  // namespace kimonet::dunning
