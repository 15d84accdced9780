#pragma once
// Civil dates, periods (YYYY-MM) and a fixed UTC offset (default +07:00, Asia/Jakarta).
// Pure: nothing here reads a clock; "today" is always a parameter.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet {

bool is_leap_year(int year);
int days_in_month(int year, int month);

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

bool is_valid_date(int year, int month, int day);
// Days since 1970-01-01 (negative before).
std::int64_t days_from_civil(const Date& date);
Date civil_from_days(std::int64_t days);
Date add_days(const Date& date, std::int64_t days);
// Signed number of days from `from` to `to`.
std::int64_t days_between(const Date& from, const Date& to);
// Adds months, clamping the day to the target month's end (31 Jan + 1 month = 28/29 Feb).
Date add_months(const Date& date, int months);
// 0 = Sunday ... 6 = Saturday.
int weekday(const Date& date);
std::string to_string(const Date& date);          // "2026-01-15"
Result<Date> parse_date(std::string_view text);   // strict "YYYY-MM-DD"
std::string format_date_indonesian(const Date& date);  // "15 Januari 2026"

struct Period {
    int year = 1970;
    int month = 1;
    auto operator<=>(const Period&) const = default;
};

Period period_of(const Date& date);
Date first_day(const Period& period);
Date last_day(const Period& period);
Period next_period(const Period& period);
Period previous_period(const Period& period);
std::string to_string(const Period& period);         // "2026-01"
Result<Period> parse_period(std::string_view text);  // strict "YYYY-MM"
std::string format_period_indonesian(const Period& period);  // "Januari 2026"

// A fixed offset from UTC in minutes (no DST in Indonesia): WIB +420, WITA +480, WIT +540.
struct UtcOffset {
    int minutes = 7 * 60;
    auto operator<=>(const UtcOffset&) const = default;
};
Result<UtcOffset> parse_utc_offset(std::string_view text);  // "+07:00", "+0700", "WIB", "Asia/Jakarta"
std::string to_string(const UtcOffset& offset);             // "+07:00"

struct LocalDateTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    auto operator<=>(const LocalDateTime&) const = default;
};
// Unix seconds (UTC) -> local civil time at the offset, and back.
LocalDateTime local_from_unix(std::int64_t unix_seconds, UtcOffset offset);
std::int64_t unix_from_local(const LocalDateTime& local, UtcOffset offset);
std::string to_string(const LocalDateTime& local);  // "2026-01-15 09:30:00"

}  // namespace kimonet
