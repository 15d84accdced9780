#pragma once
// When the outbox may send: quiet hours (local time) and retry backoff. Pure; the worker passes
// the local time in and carries the decision out.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet::messaging {

// A daily window in local minutes-of-day, [start, end); it may wrap midnight (21:00-07:00).
// start == end means "no quiet hours".
struct QuietHours {
    int start_minute = 0;
    int end_minute = 0;
    bool operator==(const QuietHours&) const = default;
};

// "21:00-07:00" -> {1260, 420}; "" or "off" -> no quiet hours.
Result<QuietHours> parse_quiet_hours(std::string_view text);
std::string to_string(const QuietHours& quiet);
bool is_quiet(const QuietHours& quiet, int minute_of_day);
// Minutes from `minute_of_day` until the quiet window ends (0 when not quiet).
int minutes_until_quiet_ends(const QuietHours& quiet, int minute_of_day);

// Delay before retry number `attempts` (1 = after the first failure): base * 2^(attempts-1),
// capped at `cap_seconds`.
std::int64_t retry_delay_seconds(int attempts, std::int64_t base_seconds, std::int64_t cap_seconds);

}  // namespace kimonet::messaging
