#include "jobs/cron.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace kimonet::jobs {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator, bool skip_empty) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        if (!skip_empty || end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

bool parse_number(std::string_view text, int& out) {
    if (text.empty() || text.size() > 2) return false;
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

// Sets bits low..high of one field; false on anything malformed or out of range.
template <std::size_t N>
bool parse_field(std::string_view text, int low, int high, std::bitset<N>& bits, bool& any) {
    any = text == "*";
    for (std::string_view item : split(text, ',', false)) {
        int step = 1, from = low, to = high;
        if (auto slash = item.find('/'); slash != std::string_view::npos) {
            if (!parse_number(item.substr(slash + 1), step) || step < 1) return false;
            item = item.substr(0, slash);
        }
        if (item != "*") {
            if (auto dash = item.find('-'); dash != std::string_view::npos) {
                if (!parse_number(item.substr(0, dash), from) || !parse_number(item.substr(dash + 1), to)) return false;
            } else {
                if (!parse_number(item, from)) return false;
                to = step > 1 ? high : from;
            }
        }
        if (from < low || to > high || from > to) return false;
        for (int value = from; value <= to; value += step) bits.set(static_cast<std::size_t>(value));
    }
    return true;
}

}  // namespace

Result<CronSchedule> parse_cron(std::string_view text) {
    const Error invalid = validation_error({{"schedule", messages::kCronSchedule}});
    const auto fields = split(text, ' ', true);
    if (fields.size() != 5) return invalid;
    CronSchedule schedule;
    bool ignored = false;
    std::bitset<8> weekdays;
    if (!parse_field(fields[0], 0, 59, schedule.minutes, ignored) || !parse_field(fields[1], 0, 23, schedule.hours, ignored) ||
        !parse_field(fields[2], 1, 31, schedule.days, schedule.any_day) || !parse_field(fields[3], 1, 12, schedule.months, ignored) ||
        !parse_field(fields[4], 0, 7, weekdays, schedule.any_weekday))
        return invalid;
    for (std::size_t day = 0; day < 7; ++day) schedule.weekdays[day] = weekdays[day];
    if (weekdays[7]) schedule.weekdays.set(0);
    return schedule;
}

static bool day_matches(const CronSchedule& schedule, const Date& date) {
    const bool by_day = schedule.days[static_cast<std::size_t>(date.day)];
    const bool by_weekday = schedule.weekdays[static_cast<std::size_t>(weekday(date))];
    // Classic cron: when both are restricted, either one matching is enough.
    if (!schedule.any_day && !schedule.any_weekday) return by_day || by_weekday;
    return by_day && by_weekday;
}

bool matches(const CronSchedule& schedule, const LocalDateTime& time) {
    return schedule.minutes[static_cast<std::size_t>(time.minute)] && schedule.hours[static_cast<std::size_t>(time.hour)] &&
           schedule.months[static_cast<std::size_t>(time.date.month)] && day_matches(schedule, time.date);
}

std::optional<LocalDateTime> latest_slot(const CronSchedule& schedule, const LocalDateTime& now, int max_days) {
    for (int back = 0; back <= max_days; ++back) {
        const Date date = add_days(now.date, -back);
        if (!schedule.months[static_cast<std::size_t>(date.month)] || !day_matches(schedule, date)) continue;
        for (int hour = back == 0 ? now.hour : 23; hour >= 0; --hour) {
            if (!schedule.hours[static_cast<std::size_t>(hour)]) continue;
            for (int minute = (back == 0 && hour == now.hour) ? now.minute : 59; minute >= 0; --minute)
                if (schedule.minutes[static_cast<std::size_t>(minute)]) return LocalDateTime{date, hour, minute, 0};
        }
    }
    return std::nullopt;
}

std::string slot_key(const LocalDateTime& slot) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d", to_string(slot.date).c_str(), slot.hour, slot.minute);
    return buffer;
}

}  // namespace kimonet::jobs
