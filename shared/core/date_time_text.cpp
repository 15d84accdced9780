#include "core/date_time_text.hpp"

#include <cstdio>

namespace kimonet {

std::string zone_name(UtcOffset offset) {
    switch (offset.minutes) {
        case 7 * 60: return "WIB";
        case 8 * 60: return "WITA";
        case 9 * 60: return "WIT";
        case 0: return "UTC";
        default: return "UTC" + to_string(offset);
    }
}

std::string format_moment_indonesian(std::int64_t unix_seconds, UtcOffset offset) {
    const LocalDateTime local = local_from_unix(unix_seconds, offset);
    char time[8];
    std::snprintf(time, sizeof time, "%02d.%02d", local.hour, local.minute);
    return format_date_indonesian(local.date) + " pukul " + time + " " + zone_name(offset);
}

}  // namespace kimonet
