#include "dunning/promise.hpp"

#include "core/promise_messages.hpp"

namespace kimonet::dunning {

std::string_view to_string(PromiseFrequency frequency) {
    switch (frequency) {
        case PromiseFrequency::PerInvoice: return "invoice";
        case PromiseFrequency::PerMonth: return "month";
        case PromiseFrequency::Per90Days: return "90_days";
    }
    return "invoice";
}

std::string_view to_string(PromiseCustomers customers) {
    switch (customers) {
        case PromiseCustomers::All: return "all";
        case PromiseCustomers::WithoutBroken: return "without_broken";
        case PromiseCustomers::StaffOnly: return "staff_only";
    }
    return "all";
}

std::string_view to_string(PromiseChannel channel) {
    switch (channel) {
        case PromiseChannel::Portal: return "portal";
        case PromiseChannel::IsolirPage: return "isolir_page";
        case PromiseChannel::WhatsApp: return "whatsapp";
        case PromiseChannel::Staff: return "staff";
    }
    return "staff";
}

std::string_view to_string(PromiseStatus status) {
    switch (status) {
        case PromiseStatus::Active: return "active";
        case PromiseStatus::Kept: return "kept";
        case PromiseStatus::Broken: return "broken";
        case PromiseStatus::Replaced: return "replaced";
    }
    return "active";
}

std::optional<PromiseFrequency> parse_promise_frequency(std::string_view text) {
    for (auto value : {PromiseFrequency::PerInvoice, PromiseFrequency::PerMonth, PromiseFrequency::Per90Days})
        if (to_string(value) == text) return value;
    return std::nullopt;
}

std::optional<PromiseCustomers> parse_promise_customers(std::string_view text) {
    for (auto value : {PromiseCustomers::All, PromiseCustomers::WithoutBroken, PromiseCustomers::StaffOnly})
        if (to_string(value) == text) return value;
    return std::nullopt;
}

std::optional<PromiseChannel> parse_promise_channel(std::string_view text) {
    for (auto value : {PromiseChannel::Portal, PromiseChannel::IsolirPage, PromiseChannel::WhatsApp, PromiseChannel::Staff})
        if (to_string(value) == text) return value;
    return std::nullopt;
}

std::optional<PromiseStatus> parse_promise_status(std::string_view text) {
    for (auto value : {PromiseStatus::Active, PromiseStatus::Kept, PromiseStatus::Broken, PromiseStatus::Replaced})
        if (to_string(value) == text) return value;
    return std::nullopt;
}

std::optional<std::string> customer_promise_problem(const PromiseSettings& settings, const std::vector<PastPromise>& history,
                                                    std::int64_t invoice_id, const Date& today) {
    if (!settings.enabled || settings.customers == PromiseCustomers::StaffOnly) return std::string(messages::kPromiseDisabled);
    for (const auto& past : history) {
        if (settings.customers == PromiseCustomers::WithoutBroken && past.status == PromiseStatus::Broken &&
            days_between(past.made_on, today) < kPromiseBrokenMemoryDays)
            return std::string(messages::kPromiseAfterBroken);
    }
    for (const auto& past : history) {
        // A promise a staff grant replaced was still made: it counts towards the period.
        switch (settings.frequency) {
            case PromiseFrequency::PerInvoice:
                if (past.invoice_id == invoice_id) return std::string(messages::kPromiseUsedForInvoice);
                break;
            case PromiseFrequency::PerMonth:
                if (past.made_on.year == today.year && past.made_on.month == today.month) return std::string(messages::kPromiseUsedThisMonth);
                break;
            case PromiseFrequency::Per90Days:
                if (days_between(past.made_on, today) < kPromiseRollingDays) return std::string(messages::kPromiseUsedRecently);
                break;
        }
    }
    return std::nullopt;
}

bool deferred_by_promise(StepAction action, const Date& today, const std::optional<Date>& promised_until) {
    const bool holds = promised_until && today <= *promised_until;
    return holds && (action == StepAction::Warn || action == StepAction::Isolate || action == StepAction::Terminate);
}

std::vector<Decision> without_deferred(std::vector<Decision> decisions, const Date& today, const std::optional<Date>& promised_until) {
    std::erase_if(decisions, [&](const Decision& decision) { return deferred_by_promise(decision.step->action, today, promised_until); });
    return decisions;
}

PromisedTimeline promised_timeline(const Timeline& timeline, const Date& today, const std::optional<Date>& promised_until) {
    PromisedTimeline out{std::vector<bool>(timeline.entries.size(), false), timeline.isolation_date};
    if (!promised_until || today > *promised_until) return out;
    for (std::size_t index = 0; index < timeline.entries.size(); ++index) {
        const TimelineEntry& entry = timeline.entries[index];
        const bool open = entry.state == TimelineState::Upcoming || entry.state == TimelineState::DueToday;
        out.postponed[index] = open && entry.date <= *promised_until && deferred_by_promise(entry.step.action, today, promised_until);
    }
    if (out.isolation_date && *out.isolation_date <= *promised_until) out.isolation_date = add_days(*promised_until, 1);
    return out;
}

}  // namespace kimonet::dunning
