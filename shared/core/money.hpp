#pragma once
// Money is int64 rupiah, everywhere. No floating point near money.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet {

using Money = std::int64_t;

// Largest amount the product accepts from a user: Rp 1 trillion.
inline constexpr Money kMaxMoney = 1'000'000'000'000;

// 1234567 -> "1.234.567" (Indonesian thousands separator).
std::string format_thousands(Money amount);
// 1234567 -> "Rp 1.234.567"; -5000 -> "-Rp 5.000".
std::string format_rupiah(Money amount);
// Accepts "1.234.567", "1234567", "Rp 1.234.567", "Rp1.234.567", "1.234.567,00".
// Rejects cents other than zero, misplaced separators, signs and anything else.
Result<Money> parse_rupiah(std::string_view text);

}  // namespace kimonet
