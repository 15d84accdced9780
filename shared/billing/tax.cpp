#include "billing/tax.hpp"

#include "billing/rounding.hpp"
#include "core/validation_messages.hpp"

namespace kimonet::billing {

std::string_view to_string(TaxMode mode) { return mode == TaxMode::Inclusive ? "inclusive" : "exclusive"; }

std::optional<TaxMode> parse_tax_mode(std::string_view text) {
    if (text == "exclusive") return TaxMode::Exclusive;
    if (text == "inclusive") return TaxMode::Inclusive;
    return std::nullopt;
}

Result<std::int64_t> parse_tax_rate(std::string_view text) {
    const Error invalid = validation_error({{"tax_rate", messages::kTaxRate}});
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    bool basis_points = false;
    if (text.ends_with("bp")) {
        basis_points = true;
        text.remove_suffix(2);
    } else if (text.ends_with("%")) {
        text.remove_suffix(1);
    }
    if (text.empty()) return invalid;
    std::int64_t whole = 0, fraction = 0;
    int fraction_digits = -1;
    for (char c : text) {
        if ((c == '.' || c == ',') && fraction_digits < 0 && !basis_points) {
            fraction_digits = 0;
            continue;
        }
        if (c < '0' || c > '9') return invalid;
        if (fraction_digits >= 0) {
            if (++fraction_digits > 2) return invalid;
            fraction = fraction * 10 + (c - '0');
        } else {
            whole = whole * 10 + (c - '0');
            if (whole > 1'000'000) return invalid;
        }
    }
    if (fraction_digits == 0) return invalid;
    if (fraction_digits == 1) fraction *= 10;
    const std::int64_t rate = basis_points ? whole : whole * 100 + (fraction_digits > 0 ? fraction : 0);
    if (rate > 10000) return invalid;
    return rate;
}

Result<Totals> compute_totals(Money line_sum, const TaxRule& rule) {
    const Error too_large = validation_error({{"lines", messages::kAmountTooLarge}});
    if (!within_money_cap(line_sum) || rule.rate_basis_points > 10000) return too_large;
    if (rule.rate_basis_points <= 0 || line_sum <= 0) return Totals{line_sum, 0, line_sum};
    // Within the cap these cannot overflow (10^12 × 10^4); checked anyway so a wider cap stays safe.
    auto taxed = checked_multiply(line_sum, rule.rate_basis_points);
    if (!taxed) return too_large;
    if (rule.mode == TaxMode::Exclusive) {
        const Money tax = round_fraction(*taxed, 10000, RoundingMode::Nearest);
        auto total = checked_add(line_sum, tax);
        if (!total) return too_large;
        return Totals{line_sum, tax, *total};
    }
    const Money tax = round_fraction(*taxed, 10000 + rule.rate_basis_points, RoundingMode::Nearest);
    return Totals{line_sum - tax, tax, line_sum};
}

}  // namespace kimonet::billing
