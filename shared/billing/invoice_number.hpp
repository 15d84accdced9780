#pragma once
// Invoice numbers from a format setting. Tokens: {YYYY} {YY} {MM} and {N…} — the per-period
// sequence zero-padded to as many digits as there are N's. Default "INV-{YYYY}{MM}-{NNNNN}".
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace kimonet::billing {

inline constexpr std::string_view kDefaultInvoiceNumberFormat = "INV-{YYYY}{MM}-{NNNNN}";

// The format must contain exactly one sequence token and only known tokens, so that numbers are
// unique per period; a format without {YYYY}/{YY} and {MM} is refused too (numbers would repeat
// across periods).
Result<void> validate_invoice_number_format(std::string_view format);
// Assumes a valid format. A sequence wider than the padding prints all its digits.
std::string format_invoice_number(std::string_view format, const Period& period, std::int64_t sequence);

}  // namespace kimonet::billing
