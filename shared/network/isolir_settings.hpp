#pragma once
// The rules for the automatic-isolir settings (isolir_*), pure so the server validates them and
// the browser could too. Each `*_problem` returns the field message for a bad value, or nullopt.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace kimonet::network {

struct HoursWindow {
    int from_minute = 0;  // minutes after local midnight
    int to_minute = 0;    // exclusive; a window may wrap past midnight (22:00-06:00)
};

// "08:00-20:00" -> {480, 1200}; "off" -> nullopt with ok; anything else is an error message.
struct ParsedHours {
    std::optional<HoursWindow> window;
    std::string problem;
};
ParsedHours parse_hours_window(std::string_view text);
bool inside(const HoursWindow& window, int minute_of_day);

// "2026-08-17, 2026-12-25" -> the dates; nullopt when any entry is not a real YYYY-MM-DD date.
std::optional<std::vector<Date>> parse_holidays(std::string_view text);

// RouterOS rate limit "rx/tx" (rx = the customer's upload), each a positive number with an
// optional k/M/G suffix: "512k/512k", "1M/2M", "256000/256000".
std::optional<std::string> rate_limit_problem(std::string_view text);

// The message for a bad value of any isolir_* setting (rate limit, hours, holidays, grace days,
// cap per run, skip Sundays); nullopt when the value is good or the key is not one of them.
// isolir_schedule is a cron expression: the server checks it with jobs::parse_cron.
std::optional<std::string> isolir_setting_problem(std::string_view key, std::string_view value);

}  // namespace kimonet::network
