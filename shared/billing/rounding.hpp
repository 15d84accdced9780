#pragma once
// Rounding of rupiah fractions, in integer arithmetic. The one place rounding rules live.
#include <optional>
#include <string_view>

#include "core/money.hpp"

namespace kimonet::billing {

enum class RoundingMode { Nearest, Up, Down, UpTo100, UpTo1000 };

std::string_view to_string(RoundingMode mode);  // "nearest", "up", "down", "up_100", "up_1000"
std::optional<RoundingMode> parse_rounding_mode(std::string_view text);

// numerator / denominator rounded by `mode` (denominator > 0). Negative values are rounded by
// magnitude so a discount rounds the same way as a charge. Nearest rounds halves away from zero.
Money round_fraction(Money numerator, Money denominator, RoundingMode mode);

}  // namespace kimonet::billing
