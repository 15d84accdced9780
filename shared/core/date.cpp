#include "core/date.hpp"

#include <array>
#include <cstdio>

#include "core/validation_messages.hpp"

namespace kimonet {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(const Date& date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

Date add_days(const Date& date, std::int64_t days) { return civil_from_days(days_from_civil(date) + days); }

std::int64_t days_between(const Date& from, const Date& to) { return days_from_civil(to) - days_from_civil(from); }

Date add_months(const Date& date, int months) {
    const int index = date.year * 12 + (date.month - 1) + months;
    const int year = index >= 0 ? index / 12 : (index - 11) / 12;
    const int month = index - year * 12 + 1;
    const int last = days_in_month(year, month);
    return Date{year, month, date.day > last ? last : date.day};
}

int weekday(const Date& date) {
    const std::int64_t days = days_from_civil(date);
    return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

std::string to_string(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

static bool parse_digits(std::string_view text, int& out) {
    if (text.empty()) return false;
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

Result<Date> parse_date(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_digits(text.substr(0, 4), year) ||
        !parse_digits(text.substr(5, 2), month) || !parse_digits(text.substr(8, 2), day) ||
        !is_valid_date(year, month, day))
        return make_error(ErrorCode::ValidationFailed, messages::kDate);
    return Date{year, month, day};
}

static constexpr std::array<const char*, 12> kIndonesianMonths{
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember"};

std::string format_date_indonesian(const Date& date) {
    return std::to_string(date.day) + " " + kIndonesianMonths[static_cast<std::size_t>(date.month - 1)] + " " +
           std::to_string(date.year);
}

Period period_of(const Date& date) { return Period{date.year, date.month}; }
Date first_day(const Period& period) { return Date{period.year, period.month, 1}; }
Date last_day(const Period& period) { return Date{period.year, period.month, days_in_month(period.year, period.month)}; }
Period next_period(const Period& period) { return period_of(add_months(first_day(period), 1)); }
Period previous_period(const Period& period) { return period_of(add_months(first_day(period), -1)); }

std::string to_string(const Period& period) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", period.year, period.month);
    return buffer;
}

Result<Period> parse_period(std::string_view text) {
    int year = 0, month = 0;
    if (text.size() != 7 || text[4] != '-' || !parse_digits(text.substr(0, 4), year) ||
        !parse_digits(text.substr(5, 2), month) || year < 1900 || month < 1 || month > 12)
        return make_error(ErrorCode::ValidationFailed, messages::kExpectedPeriod);
    return Period{year, month};
}

std::string format_period_indonesian(const Period& period) {
    return std::string(kIndonesianMonths[static_cast<std::size_t>(period.month - 1)]) + " " + std::to_string(period.year);
}

Result<UtcOffset> parse_utc_offset(std::string_view text) {
    const Error invalid = make_error(ErrorCode::ValidationFailed, messages::kExpectedOffset);
    if (text == "WIB" || text == "Asia/Jakarta" || text == "Asia/Pontianak") return UtcOffset{420};
    if (text == "WITA" || text == "Asia/Makassar") return UtcOffset{480};
    if (text == "WIT" || text == "Asia/Jayapura") return UtcOffset{540};
    if (text == "UTC" || text == "Z") return UtcOffset{0};
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return invalid;
    const int sign = text[0] == '-' ? -1 : 1;
    std::string_view rest = text.substr(1);
    int hours = 0, minutes = 0;
    if (rest.size() == 5 && rest[2] == ':') {
        if (!parse_digits(rest.substr(0, 2), hours) || !parse_digits(rest.substr(3, 2), minutes)) return invalid;
    } else if (rest.size() == 4) {
        if (!parse_digits(rest.substr(0, 2), hours) || !parse_digits(rest.substr(2, 2), minutes)) return invalid;
    } else if (rest.size() <= 2) {
        if (!parse_digits(rest, hours)) return invalid;
    } else {
        return invalid;
    }
    if (hours > 14 || minutes > 59) return invalid;
    return UtcOffset{sign * (hours * 60 + minutes)};
}

std::string to_string(const UtcOffset& offset) {
    const int magnitude = offset.minutes < 0 ? -offset.minutes : offset.minutes;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset.minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
    return buffer;
}

LocalDateTime local_from_unix(std::int64_t unix_seconds, UtcOffset offset) {
    const std::int64_t local = unix_seconds + std::int64_t{offset.minutes} * 60;
    std::int64_t days = local / 86400;
    std::int64_t seconds = local % 86400;
    if (seconds < 0) {
        seconds += 86400;
        days -= 1;
    }
    return LocalDateTime{civil_from_days(days), static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                         static_cast<int>(seconds % 60)};
}

std::int64_t unix_from_local(const LocalDateTime& local, UtcOffset offset) {
    return days_from_civil(local.date) * 86400 + local.hour * 3600 + local.minute * 60 + local.second -
           std::int64_t{offset.minutes} * 60;
}

std::string to_string(const LocalDateTime& local) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s %02d:%02d:%02d", to_string(local.date).c_str(), local.hour, local.minute,
                  local.second);
    return buffer;
}

}  // namespace kimonet
