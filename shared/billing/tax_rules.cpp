#include "billing/tax_rules.hpp"

#include "core/tax_messages.hpp"

namespace kimonet::billing {

std::string_view to_string(PkpStatus status) {
    switch (status) {
        case PkpStatus::Legacy: return "legacy";
        case PkpStatus::Off: return "off";
        case PkpStatus::On: return "on";
    }
    return "legacy";
}

std::optional<PkpStatus> parse_pkp_status(std::string_view text) {
    for (auto status : {PkpStatus::Legacy, PkpStatus::Off, PkpStatus::On})
        if (text == to_string(status)) return status;
    return std::nullopt;
}

namespace {

std::optional<std::int64_t> parse_small_number(std::string_view text, std::int64_t max) {
    if (text.empty() || text.size() > 6) return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > max) return std::nullopt;
    return value;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::optional<DatedTaxRule> parse_row(std::string_view row) {
    const auto first = row.find(',');
    const auto second = first == std::string_view::npos ? first : row.find(',', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto date = parse_date(trimmed(row.substr(0, first)));
    const auto rate = parse_small_number(trimmed(row.substr(first + 1, second - first - 1)), 10000);
    const std::string_view fraction = trimmed(row.substr(second + 1));
    const auto slash = fraction.find('/');
    if (!date || !rate || slash == std::string_view::npos) return std::nullopt;
    const auto numerator = parse_small_number(fraction.substr(0, slash), 1000);
    const auto denominator = parse_small_number(fraction.substr(slash + 1), 1000);
    if (!numerator || !denominator || !valid_dpp_fraction(*numerator, *denominator)) return std::nullopt;
    return DatedTaxRule{*date, *rate, *numerator, *denominator};
}

}  // namespace

Result<std::vector<DatedTaxRule>> parse_ppn_rules(std::string_view text) {
    const Error invalid = validation_error({{"ppn_rules", messages::kPpnRules}});
    std::vector<DatedTaxRule> rules;
    text = trimmed(text);
    if (text.empty()) return rules;
    while (true) {
        const auto end = text.find(';');
        auto rule = parse_row(text.substr(0, end));
        if (!rule || rules.size() >= kMaxPpnRules) return invalid;
        if (!rules.empty() && !(rules.back().effective_from < rule->effective_from)) return invalid;
        rules.push_back(*rule);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return rules;
}

std::string format_ppn_rules(const std::vector<DatedTaxRule>& rules) {
    std::string text;
    for (const auto& rule : rules) {
        if (!text.empty()) text += ';';
        text += to_string(rule.effective_from) + ',' + std::to_string(rule.rate_basis_points) + ',' +
                std::to_string(rule.dpp_numerator) + '/' + std::to_string(rule.dpp_denominator);
    }
    return text;
}

TaxRule tax_rule_on(const TaxSettings& settings, const Date& date) {
    if (settings.pkp == PkpStatus::Legacy) return settings.legacy;
    TaxRule rule;
    rule.mode = settings.legacy.mode;
    if (settings.pkp == PkpStatus::Off) return rule;
    rule.pkp = true;
    for (const auto& dated : settings.rules) {
        if (date < dated.effective_from) break;
        rule.rate_basis_points = dated.rate_basis_points;
        rule.dpp_numerator = dated.dpp_numerator;
        rule.dpp_denominator = dated.dpp_denominator;
    }
    return rule;
}

}  // namespace kimonet::billing
