#include "network/isolir_settings.hpp"

#include "core/text.hpp"

namespace kimonet::network {

namespace {

constexpr const char* kHours = "jam HH:MM-HH:MM (contoh 08:00-20:00) atau off";
constexpr const char* kHolidays = "tanggal YYYY-MM-DD dipisah koma (contoh 2026-08-17,2026-12-25)";
constexpr const char* kRateLimit = "rate limit rx/tx, contoh 512k/512k atau 1M/1M";
constexpr const char* kGraceDays = "masa tenggang 0-365 hari";
constexpr const char* kMaxPerRun = "batas per jalan 1-100000 pelanggan";
constexpr const char* kZeroOrOne = "0 atau 1";

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// Whole numbers within [low, high] written plainly ("007" and "+3" are refused).
bool is_int_between(std::string_view text, long low, long high) {
    if (!all_digits(text) || text.size() > 9 || (text.size() > 1 && text.front() == '0')) return false;
    const long value = std::stol(std::string(text));
    return value >= low && value <= high;
}

std::optional<int> clock_minutes(std::string_view text) {
    if (text.size() != 5 || text[2] != ':' || !all_digits(text.substr(0, 2)) || !all_digits(text.substr(3, 2))) return std::nullopt;
    const int hour = (text[0] - '0') * 10 + (text[1] - '0');
    const int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (hour > 23 || minute > 59) return std::nullopt;
    return hour * 60 + minute;
}

bool is_rate(std::string_view text) {
    if (text.empty()) return false;
    const char last = text.back();
    if (last == 'k' || last == 'K' || last == 'M' || last == 'G') text.remove_suffix(1);
    return all_digits(text) && text.size() <= 10 && text.find_first_not_of('0') != std::string_view::npos;
}

}  // namespace

ParsedHours parse_hours_window(std::string_view text) {
    ParsedHours parsed;
    if (text == "off") return parsed;
    const auto dash = text.find('-');
    const auto from = dash == std::string_view::npos ? std::nullopt : clock_minutes(text.substr(0, dash));
    const auto to = dash == std::string_view::npos ? std::nullopt : clock_minutes(text.substr(dash + 1));
    if (!from || !to || *from == *to) parsed.problem = kHours;
    else parsed.window = HoursWindow{*from, *to};
    return parsed;
}

bool inside(const HoursWindow& window, int minute_of_day) {
    if (window.from_minute <= window.to_minute) return minute_of_day >= window.from_minute && minute_of_day < window.to_minute;
    return minute_of_day >= window.from_minute || minute_of_day < window.to_minute;
}

std::optional<std::vector<Date>> parse_holidays(std::string_view text) {
    std::vector<Date> days;
    if (trim_copy(std::string(text)).empty()) return days;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string entry = trim_copy(std::string(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start)));
        auto day = parse_date(entry);
        if (!day) return std::nullopt;
        days.push_back(*day);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return days;
}

std::optional<std::string> rate_limit_problem(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || !is_rate(text.substr(0, slash)) || !is_rate(text.substr(slash + 1))) return std::string(kRateLimit);
    return std::nullopt;
}

std::optional<std::string> isolir_setting_problem(std::string_view key, std::string_view value) {
    if (key == "isolir_rate_limit") return rate_limit_problem(value);
    if (key == "isolir_hours") {
        auto parsed = parse_hours_window(value);
        return parsed.problem.empty() ? std::nullopt : std::optional(parsed.problem);
    }
    if (key == "isolir_holidays" && !parse_holidays(value)) return std::string(kHolidays);
    if (key == "isolir_grace_days" && !is_int_between(value, 0, 365)) return std::string(kGraceDays);
    if (key == "isolir_max_per_run" && !is_int_between(value, 1, 100000)) return std::string(kMaxPerRun);
    if (key == "isolir_skip_sundays" && value != "0" && value != "1") return std::string(kZeroOrOne);
    return std::nullopt;
}

}  // namespace kimonet::network
