#include "payments/typed_amount.hpp"

#include <string>

#include "core/validation_messages.hpp"

namespace kimonet::payments {

namespace {

Error refused(const char* message) { return validation_error({{"amount", message}}); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Lower-case ASCII with every space removed ("Rp 750 ribu" -> "rp750ribu").
std::string compact(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

bool strip_prefix(std::string& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return false;
    text.erase(0, prefix.size());
    return true;
}

bool strip_suffix(std::string& text, std::string_view suffix) {
    if (!text.ends_with(suffix)) return false;
    text.erase(text.size() - suffix.size());
    return true;
}

// Digits only, at most 13 of them (kMaxMoney has 13), else nullopt.
std::optional<Money> digits_value(std::string_view digits) {
    if (digits.empty() || digits.size() > 13) return std::nullopt;
    Money value = 0;
    for (char c : digits) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "750.000" / "1.500.000" (separator '.') or "750,000" / "1,500,000" (','): a first group of 1-3
// digits, then groups of exactly 3.
std::optional<Money> grouped_value(std::string_view text, char separator) {
    std::string digits;
    std::size_t group = 0;
    bool first = true;
    for (char c : text) {
        if (c == separator) {
            if (group == 0 || (first ? group > 3 : group != 3)) return std::nullopt;
            first = false;
            group = 0;
            continue;
        }
        if (!is_digit(c)) return std::nullopt;
        digits.push_back(c);
        ++group;
    }
    if (first || group != 3) return std::nullopt;
    return digits_value(digits);
}

// A number before a unit: "750", "1,5", "1.5", "1.250" (a decimal with either separator).
Result<Money> with_unit(std::string_view number, Money unit) {
    const auto separator = number.find_first_of(".,");
    const std::string_view whole = number.substr(0, separator);
    const std::string_view fraction = separator == std::string_view::npos ? std::string_view() : number.substr(separator + 1);
    if (separator != std::string_view::npos && (fraction.empty() || fraction.size() > 6)) return refused(messages::kTypedAmountUnreadable);
    const auto whole_value = digits_value(whole);
    if (!whole_value) return refused(messages::kTypedAmountUnreadable);
    Money scale = 1;
    for (std::size_t i = 0; i < fraction.size(); ++i) scale *= 10;
    const auto fraction_value = fraction.empty() ? std::optional<Money>(0) : digits_value(fraction);
    if (!fraction_value) return refused(messages::kTypedAmountUnreadable);
    if (*whole_value > kMaxMoney / unit) return refused(messages::kAmountTooLarge);
    if ((*fraction_value * unit) % scale != 0) return refused(messages::kTypedAmountFraction);
    return *whole_value * unit + *fraction_value * unit / scale;
}

// No unit: plain digits, or thousands groups with an optional ",00" / ".00" of zero cents.
Result<Money> without_unit(std::string text) {
    if (text.find_first_not_of("0123456789") == std::string::npos) {
        const auto value = digits_value(text);
        if (!value) return refused(text.empty() ? messages::kTypedAmountUnreadable : messages::kAmountTooLarge);
        return *value;
    }
    // Zero cents after Indonesian ("750.000,00") or English ("750,000.00") grouping.
    for (const auto& [cents, grouping] : {std::pair{",00", '.'}, std::pair{",0", '.'}, std::pair{".00", ','}}) {
        if (text.size() > 4 && text.ends_with(cents) && text.find(grouping) != std::string::npos) {
            text.erase(text.size() - std::string_view(cents).size());
            break;
        }
    }
    const bool dots = text.find('.') != std::string::npos, commas = text.find(',') != std::string::npos;
    if (dots != commas) {
        if (auto value = grouped_value(text, dots ? '.' : ',')) return *value;
        // One separator with 1-2 digits after it ("7,5", "75.00"): a decimal, which rupiah typed
        // without a unit never is; refuse rather than guess 7 or 7.500.
        const auto separator = text.find_first_of(".,");
        const std::size_t after = text.size() - separator - 1;
        if (text.find_first_of(".,", separator + 1) == std::string::npos && after >= 1 && after <= 2 && separator > 0 &&
            digits_value(text.substr(0, separator)) && digits_value(text.substr(separator + 1)))
            return refused(messages::kTypedAmountDecimal);
    }
    return refused(messages::kTypedAmountUnreadable);
}

}  // namespace

Result<Money> parse_typed_amount(std::string_view typed, std::optional<Money> expected) {
    std::string text = compact(typed);
    if (!strip_prefix(text, "rp.")) strip_prefix(text, "rp") || strip_prefix(text, "idr");
    if (!strip_suffix(text, ",-")) strip_suffix(text, ".-");
    if (text.empty()) return refused(messages::kTypedAmountUnreadable);
    if (text.front() == '-') return refused(messages::kPaymentAmountPositive);
    // Units: ribu/rb/k are thousands, juta/jt millions. "m" is left out on purpose: it is "miliar"
    // (10^9) to some people and "million" to others.
    Money amount = 0;
    bool unit_found = false;
    for (const auto& [suffix, unit] : {std::pair{"ribu", Money{1'000}}, std::pair{"rb", Money{1'000}}, std::pair{"k", Money{1'000}},
                                       std::pair{"juta", Money{1'000'000}}, std::pair{"jt", Money{1'000'000}}}) {
        if (strip_suffix(text, suffix)) {
            amount = TRY(with_unit(text, unit));
            unit_found = true;
            break;
        }
    }
    if (!unit_found) amount = TRY(without_unit(text));
    if (amount <= 0) return refused(messages::kPaymentAmountPositive);
    if (amount > kMaxMoney) return refused(messages::kAmountTooLarge);
    if (amount < kSmallestTypedAmount && amount != expected) return refused(messages::kTypedAmountTooSmall);
    return amount;
}

}  // namespace kimonet::payments
