#pragma once
// The PKP switch and the dated history of PPN rules: which rule an invoice dated D is computed with.
// An invoice keeps the rule it was made with (stored on its row), so a rule added later with a
// later date changes nothing already billed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "billing/tax.hpp"
#include "core/date.hpp"

namespace kimonet::billing {

// legacy: the flat `tax_rate` setting as before (PPN on the whole price); off: not a PKP, no PPN
// anywhere; on: a PKP, PPN by the dated rules below.
enum class PkpStatus { Legacy, Off, On };
std::string_view to_string(PkpStatus status);  // "legacy", "off", "on"
std::optional<PkpStatus> parse_pkp_status(std::string_view text);

struct DatedTaxRule {
    Date effective_from;            // "berlaku mulai"
    std::int64_t rate_basis_points = 0;
    std::int64_t dpp_numerator = 1;
    std::int64_t dpp_denominator = 1;
    bool operator==(const DatedTaxRule&) const = default;
};

// The rules since PMK 131/2024: tariff 12% on a DPP of 11/12 of the price from 1 January 2025.
inline constexpr std::string_view kDefaultPpnRules = "2025-01-01,1200,11/12";
inline constexpr std::size_t kMaxPpnRules = 50;

// "YYYY-MM-DD,rate_bp,numerator/denominator" rows separated by ';', dates strictly ascending,
// rate 0..10000 basis points, a valid DPP fraction; at most kMaxPpnRules rows. Field "ppn_rules".
Result<std::vector<DatedTaxRule>> parse_ppn_rules(std::string_view text);
std::string format_ppn_rules(const std::vector<DatedTaxRule>& rules);

struct TaxSettings {
    PkpStatus pkp = PkpStatus::Legacy;
    TaxRule legacy;                    // rate and mode of the legacy settings; the mode applies to PKP rules too
    std::vector<DatedTaxRule> rules;   // ascending by date
};

// The rule an invoice dated `date` is computed with: Off → no tax; Legacy → the flat rate; On →
// the last rule in force on that date (none in force yet → no tax).
TaxRule tax_rule_on(const TaxSettings& settings, const Date& date);

}  // namespace kimonet::billing
