#include "core/money.hpp"

#include <cctype>

#include "core/validation_messages.hpp"

namespace kimonet {

Result<Money> checked_add(Money left, Money right) {
    Money sum = 0;
    if (__builtin_add_overflow(left, right, &sum)) return make_error(ErrorCode::ValidationFailed, messages::kAmountTooLarge);
    return sum;
}

Result<Money> checked_multiply(Money amount, std::int64_t factor) {
    Money product = 0;
    if (__builtin_mul_overflow(amount, factor, &product)) return make_error(ErrorCode::ValidationFailed, messages::kAmountTooLarge);
    return product;
}

bool within_money_cap(Money amount) { return amount >= -kMaxMoney && amount <= kMaxMoney; }

std::string format_thousands(Money amount) {
    const bool negative = amount < 0;
    // Work on the unsigned magnitude so INT64_MIN does not overflow.
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string digits = std::to_string(magnitude);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 + 1);
    const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i >= lead && (i - lead) % 3 == 0) out.push_back('.');
        out.push_back(digits[i]);
    }
    return negative ? "-" + out : out;
}

std::string format_rupiah(Money amount) {
    if (amount < 0) return "-Rp " + format_thousands(amount).substr(1);
    return "Rp " + format_thousands(amount);
}

static std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

Result<Money> parse_rupiah(std::string_view text) {
    const Error invalid = make_error(ErrorCode::ValidationFailed, messages::kNotRupiahAmount);
    text = trim(text);
    if (text.size() >= 2 && (text[0] == 'R' || text[0] == 'r') && (text[1] == 'p' || text[1] == 'P')) {
        text.remove_prefix(2);
        if (!text.empty() && text.front() == '.') text.remove_prefix(1);  // "Rp. 5.000"
        text = trim(text);
    }
    // Optional ",00" / ",-" suffix: zero cents only.
    if (auto comma = text.find(','); comma != std::string_view::npos) {
        std::string_view cents = text.substr(comma + 1);
        if (cents != "-" && (cents.empty() || cents.find_first_not_of('0') != std::string_view::npos)) return invalid;
        text = text.substr(0, comma);
    }
    if (text.empty()) return invalid;
    const bool grouped = text.find('.') != std::string_view::npos;
    Money value = 0;
    std::size_t group_length = 0;
    bool first_group = true;
    for (char c : text) {
        if (c == '.') {
            if (group_length == 0 || (first_group ? group_length > 3 : group_length != 3)) return invalid;
            first_group = false;
            group_length = 0;
            continue;
        }
        if (c < '0' || c > '9') return invalid;
        value = value * 10 + (c - '0');
        if (value > kMaxMoney) return invalid;
        ++group_length;
    }
    if (grouped && group_length != 3) return invalid;
    return value;
}

}  // namespace kimonet
