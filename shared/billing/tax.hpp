#pragma once
// PPN (value added tax): a rate in basis points (1100 = 11%), inclusive or exclusive. Rate 0 = off.
// Two kinds of rule: the legacy flat rate (the `tax_rate` setting: PPN on the whole price, rounded
// to the nearest rupiah, as before the PKP switch existed) and a PKP rule (PMK 131/2024: PPN at the
// tariff on a DPP that is a fraction of the price, "DPP nilai lain" 11/12 from 2025; DPP and PPN in
// whole rupiah rounded down, as DJP writes them: PER-29/PJ/2015, SE-22/PJ.24/1990).
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
    bool pkp = false;                    // a PKP rule: DPP fraction, amounts rounded down
    std::int64_t dpp_numerator = 1;      // DPP = price × numerator / denominator
    std::int64_t dpp_denominator = 1;
    bool operator==(const TaxRule&) const = default;
};

// A DPP fraction the settings accept: 1 ≤ numerator ≤ denominator ≤ 1000.
bool valid_dpp_fraction(std::int64_t numerator, std::int64_t denominator);

// "11", "11%", "11.5", "11,5%" (percent, up to two decimals) or "1100bp" (basis points).
// Accepts 0..100%.
Result<std::int64_t> parse_tax_rate(std::string_view text);

struct Totals {
    Money subtotal = 0;  // net of tax: subtotal + tax == total in both modes
    Money tax = 0;
    Money total = 0;
    Money tax_base = 0;  // the DPP the tax was computed on (0 when no tax applies)
    bool operator==(const Totals&) const = default;
};

// Legacy rules: exclusive: tax = lines × rate on top. Inclusive: the lines already contain the tax,
// tax = lines × rate / (1 + rate). Tax is rounded to the nearest rupiah; no tax on a sum ≤ 0.
// PKP rules: exclusive: DPP = ⌊lines × n/d⌋, PPN = ⌊DPP × rate⌋, total = lines + PPN. Inclusive: the
// lines are the total; the subtotal (harga jual) is total − PPN where PPN = ⌊⌊subtotal × n/d⌋ × rate⌋
// (the closest consistent split). No tax on a sum ≤ 0.
// Fails (422, field "lines") when the sum is beyond kMaxMoney or the arithmetic would overflow.
Result<Totals> compute_totals(Money line_sum, const TaxRule& rule);

}  // namespace kimonet::billing
