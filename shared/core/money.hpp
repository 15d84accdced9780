#pragma once
// Money is int64 rupiah, everywhere. No floating point near money.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet {

using Money = std::int64_t;

// Largest amount the product accepts from a user: Rp 1 trillion. It is also the cap of an
// invoice line and of an invoice's line sum (before tax); tax of at most 100% keeps a total
// under 2 × 10^12, far from int64's 9.2 × 10^18, so totals can never wrap.
inline constexpr Money kMaxMoney = 1'000'000'000'000;

// Checked arithmetic: ValidationFailed (kAmountTooLarge) when the exact result does not fit in int64.
Result<Money> checked_add(Money left, Money right);
Result<Money> checked_multiply(Money amount, std::int64_t factor);
// True when -kMaxMoney <= amount <= kMaxMoney.
bool within_money_cap(Money amount);

// 1234567 -> "1.234.567" (Indonesian thousands separator).
std::string format_thousands(Money amount);
// 1234567 -> "Rp 1.234.567"; -5000 -> "-Rp 5.000".
std::string format_rupiah(Money amount);
// Accepts "1.234.567", "1234567", "Rp 1.234.567", "Rp1.234.567", "1.234.567,00".
// Rejects cents other than zero, misplaced separators, signs and anything else.
Result<Money> parse_rupiah(std::string_view text);

}  // namespace kimonet
