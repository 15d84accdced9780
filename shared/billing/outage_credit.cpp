#include "billing/outage_credit.hpp"

#include <algorithm>

namespace kimonet::billing {

std::string_view to_string(OutageCreditRule rule) {
    switch (rule) {
        case OutageCreditRule::Prorata: return "prorata";
        case OutageCreditRule::Fixed: return "fixed";
        case OutageCreditRule::Off: break;
    }
    return "off";
}

std::optional<OutageCreditRule> parse_outage_credit_rule(std::string_view text) {
    for (auto rule : {OutageCreditRule::Off, OutageCreditRule::Prorata, OutageCreditRule::Fixed})
        if (to_string(rule) == text) return rule;
    return std::nullopt;
}

Result<Money> outage_credit_amount(const OutageCreditSettings& settings, Money monthly_price, std::int64_t outage_seconds) {
    if (settings.rule == OutageCreditRule::Off || monthly_price <= 0) return Money{0};
    const std::int64_t beyond = std::min(outage_seconds, kOutageCreditMonthSeconds) - settings.after_hours * 3600;
    if (beyond <= 0) return Money{0};
    if (settings.rule == OutageCreditRule::Fixed) return std::min(settings.fixed_amount, monthly_price);
    // price ≤ kMaxMoney (10^12) × beyond ≤ 2,592,000 would pass 9.2 × 10^18: checked.
    const Money scaled = TRY(checked_multiply(monthly_price, beyond));
    return std::min(scaled / kOutageCreditMonthSeconds, monthly_price);
}

}  // namespace kimonet::billing
