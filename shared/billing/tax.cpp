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

namespace {

// ⌊amount × numerator / denominator⌋ for 0 ≤ amount ≤ kMaxMoney. The product is taken in 128 bits
// (10^12 × 10^7 passes int64), the quotient is at most the amount × 10^4, so it fits int64 again.
Money floor_fraction(Money amount, std::int64_t numerator, std::int64_t denominator) {
    const __int128 product = static_cast<__int128>(amount) * numerator;
    return static_cast<Money>(product / denominator);
}

// PPN = ⌊price × rate × n/d⌋ in one exact step: what DJP gets from TaxBase × n/d (OtherTaxBase, to the
// cent) × the tariff, rounded down to the rupiah. 150,000 → 16,500; 100,000 → 11,000 (11% effective).
Money pkp_tax_on(Money price, const TaxRule& rule) {
    return floor_fraction(price, rule.rate_basis_points * rule.dpp_numerator, 10000 * rule.dpp_denominator);
}

Result<Totals> pkp_totals(Money line_sum, const TaxRule& rule, const Error& too_large) {
    if (rule.mode == TaxMode::Exclusive) {
        const Money tax = pkp_tax_on(line_sum, rule);
        auto total = checked_add(line_sum, tax);
        if (!total) return too_large;
        return Totals{line_sum, tax, *total, floor_fraction(line_sum, rule.dpp_numerator, rule.dpp_denominator)};
    }
    // The price contains the tax: the PPN is the x for which ⌊(total − x) × effective rate⌋ == x,
    // searched next to the exact split (the subtotal's own PPN, as DJP recomputes it from the faktur).
    const std::int64_t effective = rule.rate_basis_points * rule.dpp_numerator;  // ≤ 10^7
    const std::int64_t scale = 10000 * rule.dpp_denominator;                     // ≤ 10^7
    const Money estimate = floor_fraction(line_sum, effective, scale + effective);
    Money chosen = estimate;
    for (Money candidate = estimate > 2 ? estimate - 2 : 0; candidate <= estimate + 2 && candidate <= line_sum; ++candidate) {
        if (pkp_tax_on(line_sum - candidate, rule) == candidate) {
            chosen = candidate;
            break;
        }
    }
    const Money subtotal = line_sum - chosen;
    return Totals{subtotal, chosen, line_sum, floor_fraction(subtotal, rule.dpp_numerator, rule.dpp_denominator)};
}

}  // namespace

bool valid_dpp_fraction(std::int64_t numerator, std::int64_t denominator) {
    return numerator >= 1 && denominator >= 1 && numerator <= denominator && denominator <= 1000;
}

Result<Totals> compute_totals(Money line_sum, const TaxRule& rule) {
    const Error too_large = validation_error({{"lines", messages::kAmountTooLarge}});
    if (!within_money_cap(line_sum) || rule.rate_basis_points > 10000) return too_large;
    if (rule.rate_basis_points <= 0 || line_sum <= 0) return Totals{line_sum, 0, line_sum, 0};
    // Within the cap these cannot overflow (10^12 × 10^4); checked anyway so a wider cap stays safe.
    auto taxed = checked_multiply(line_sum, rule.rate_basis_points);
    if (!taxed) return too_large;
    if (rule.pkp) {
        if (!valid_dpp_fraction(rule.dpp_numerator, rule.dpp_denominator)) return too_large;
        return pkp_totals(line_sum, rule, too_large);
    }
    if (rule.mode == TaxMode::Exclusive) {
        const Money tax = round_fraction(*taxed, 10000, RoundingMode::Nearest);
        auto total = checked_add(line_sum, tax);
        if (!total) return too_large;
        return Totals{line_sum, tax, *total, line_sum};
    }
    const Money tax = round_fraction(*taxed, 10000 + rule.rate_basis_points, RoundingMode::Nearest);
    return Totals{line_sum - tax, tax, line_sum, line_sum - tax};
}

}  // namespace kimonet::billing
