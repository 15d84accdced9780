#pragma once
// Cron-like schedules ("minute hour day-of-month month day-of-week"), evaluated on local civil
// time: the scheduler converts the clock to the configured UTC offset before asking.
#include <bitset>
#include <optional>
#include <string_view>

#include "core/date.hpp"

namespace kimonet::jobs {

struct CronSchedule {
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> days;      // 1..31
    std::bitset<13> months;    // 1..12
    std::bitset<7> weekdays;   // 0 = Sunday
    bool any_day = true;       // day-of-month was "*"
    bool any_weekday = true;   // day-of-week was "*"
};

// Fields accept "*", "5", "1,15", "1-5", "*/15" and "1-31/2". Day-of-week 7 is Sunday too.
Result<CronSchedule> parse_cron(std::string_view text);
bool matches(const CronSchedule& schedule, const LocalDateTime& time);
// The most recent matching minute at or before `now` (seconds ignored), looking back at most
// `max_days` days; nothing if there is none in that window.
std::optional<LocalDateTime> latest_slot(const CronSchedule& schedule, const LocalDateTime& now, int max_days);
// "2026-02-01T00:01": the job_runs key of a slot.
std::string slot_key(const LocalDateTime& slot);

}  // namespace kimonet::jobs
