#include "billing/rounding.hpp"

namespace kimonet::billing {

std::string_view to_string(RoundingMode mode) {
    switch (mode) {
        case RoundingMode::Nearest: return "nearest";
        case RoundingMode::Up: return "up";
        case RoundingMode::Down: return "down";
        case RoundingMode::UpTo100: return "up_100";
        case RoundingMode::UpTo1000: return "up_1000";
    }
    return "nearest";
}

std::optional<RoundingMode> parse_rounding_mode(std::string_view text) {
    for (auto mode : {RoundingMode::Nearest, RoundingMode::Up, RoundingMode::Down, RoundingMode::UpTo100, RoundingMode::UpTo1000})
        if (text == to_string(mode)) return mode;
    return std::nullopt;
}

static Money ceil_division(Money numerator, Money denominator) { return (numerator + denominator - 1) / denominator; }

Money round_fraction(Money numerator, Money denominator, RoundingMode mode) {
    if (denominator <= 0) return 0;
    if (numerator < 0) return -round_fraction(-numerator, denominator, mode);
    switch (mode) {
        case RoundingMode::Nearest: return (2 * numerator + denominator) / (2 * denominator);
        case RoundingMode::Up: return ceil_division(numerator, denominator);
        case RoundingMode::Down: return numerator / denominator;
        case RoundingMode::UpTo100: return ceil_division(numerator, denominator * 100) * 100;
        case RoundingMode::UpTo1000: return ceil_division(numerator, denominator * 1000) * 1000;
    }
    return numerator / denominator;
}

}  // namespace kimonet::billing
