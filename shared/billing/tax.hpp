#pragma once
// PPN (value added tax): a rate in basis points (1100 = 11%), inclusive or exclusive. Rate 0 = off.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet::billing {

enum class TaxMode { Exclusive, Inclusive };

std::string_view to_string(TaxMode mode);  // "exclusive", "inclusive"
std::optional<TaxMode> parse_tax_mode(std::string_view text);

struct TaxRule {
    std::int64_t rate_basis_points = 0;  // 0 = no tax
    TaxMode mode = TaxMode::Exclusive;
    bool operator==(const TaxRule&) const = default;
};

// "11", "11%", "11.5", "11,5%" (percent, up to two decimals) or "1100bp" (basis points).
// Accepts 0..100%.
Result<std::int64_t> parse_tax_rate(std::string_view text);

struct Totals {
    Money subtotal = 0;  // net of tax: subtotal + tax == total in both modes
    Money tax = 0;
    Money total = 0;
    bool operator==(const Totals&) const = default;
};

// Exclusive: tax = lines × rate on top. Inclusive: the lines already contain the tax,
// tax = lines × rate / (1 + rate). Tax is rounded to the nearest rupiah; no tax on a sum ≤ 0.
// Fails (422, field "lines") when the sum is beyond kMaxMoney or the arithmetic would overflow.
Result<Totals> compute_totals(Money line_sum, const TaxRule& rule);

}  // namespace kimonet::billing
