#include "messaging/delivery_policy.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace kimonet::messaging {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

std::optional<int> parse_clock(std::string_view text) {
    const std::string trimmed = trim_copy(text);
    const auto colon = trimmed.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || trimmed.size() != colon + 3) return std::nullopt;
    int hour = 0, minute = 0;
    for (std::size_t i = 0; i < trimmed.size(); ++i) {
        if (i == colon) continue;
        if (trimmed[i] < '0' || trimmed[i] > '9') return std::nullopt;
        (i < colon ? hour : minute) = (i < colon ? hour : minute) * 10 + (trimmed[i] - '0');
    }
    if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) return std::nullopt;
    return (hour * 60 + minute) % kMinutesPerDay;
}

}  // namespace

Result<QuietHours> parse_quiet_hours(std::string_view text) {
    const std::string trimmed = to_lower_ascii(trim_copy(text));
    if (trimmed.empty() || trimmed == "off" || trimmed == "-") return QuietHours{};
    const auto dash = trimmed.find('-');
    if (dash == std::string::npos) return validation_error({{"whatsapp_quiet_hours", messages::kQuietHoursFormat}});
    auto start = parse_clock(std::string_view(trimmed).substr(0, dash));
    auto end = parse_clock(std::string_view(trimmed).substr(dash + 1));
    if (!start || !end) return validation_error({{"whatsapp_quiet_hours", messages::kQuietHoursFormat}});
    return QuietHours{*start, *end};
}

std::string to_string(const QuietHours& quiet) {
    if (quiet.start_minute == quiet.end_minute) return "off";
    char text[48];  // room for any int, though minutes are 0-1439: g++ checks the worst case
    std::snprintf(text, sizeof text, "%02d:%02d-%02d:%02d", quiet.start_minute / 60, quiet.start_minute % 60,
                  quiet.end_minute / 60, quiet.end_minute % 60);
    return text;
}

bool is_quiet(const QuietHours& quiet, int minute_of_day) {
    if (quiet.start_minute == quiet.end_minute) return false;
    if (quiet.start_minute < quiet.end_minute) return minute_of_day >= quiet.start_minute && minute_of_day < quiet.end_minute;
    return minute_of_day >= quiet.start_minute || minute_of_day < quiet.end_minute;
}

int minutes_until_quiet_ends(const QuietHours& quiet, int minute_of_day) {
    if (!is_quiet(quiet, minute_of_day)) return 0;
    return (quiet.end_minute - minute_of_day + kMinutesPerDay) % kMinutesPerDay;
}

std::int64_t retry_delay_seconds(int attempts, std::int64_t base_seconds, std::int64_t cap_seconds) {
    if (attempts < 1) attempts = 1;
    std::int64_t delay = base_seconds;
    for (int i = 1; i < attempts && delay < cap_seconds; ++i) delay *= 2;
    return delay < cap_seconds ? delay : cap_seconds;
}

}  // namespace kimonet::messaging
