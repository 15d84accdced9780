#pragma once
// The SLA credit an outage earns a customer (issue 21, docs/outages.md), by the rule in the
// settings: off; prorata — the monthly price × the outage seconds beyond the first N hours ÷ a
// 30-day month, rounded down to the rupiah; fixed — a fixed amount once the outage lasted more
// than N hours. Never more than the monthly price. Pure and checked: int64 rupiah, no floating point.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/money.hpp"

namespace kimonet::billing {

enum class OutageCreditRule { Off, Prorata, Fixed };
std::string_view to_string(OutageCreditRule rule);  // "off", "prorata", "fixed"
std::optional<OutageCreditRule> parse_outage_credit_rule(std::string_view text);

struct OutageCreditSettings {
    OutageCreditRule rule = OutageCreditRule::Off;
    std::int64_t after_hours = 0;  // N: the first N hours earn nothing (0-720)
    Money fixed_amount = 0;        // the fixed rule's amount
};

// Seconds of a month for the prorata rule: 30 days.
inline constexpr std::int64_t kOutageCreditMonthSeconds = 30 * 86400;

// The credit for an outage of `outage_seconds` to a customer paying `monthly_price` (≥ 0).
Result<Money> outage_credit_amount(const OutageCreditSettings& settings, Money monthly_price, std::int64_t outage_seconds);

}  // namespace kimonet::billing
