#pragma once
// The text form of a Clock time in the TEXT created_at/updated_at columns: the store writes the
// time it is given, never the database's own "now" (N servers, ManualClock tests, two engines).
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/date.hpp"

namespace kimonet::store {

// Unix seconds -> "2026-01-15T09:30:00Z" (what strftime('%Y-%m-%dT%H:%M:%SZ','now') used to write).
inline std::string utc_timestamp_text(std::int64_t unix_seconds) {
    const LocalDateTime utc = local_from_unix(unix_seconds, UtcOffset{0});
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.date.year, utc.date.month, utc.date.day, utc.hour, utc.minute,
                  utc.second);
    return text;
}

}  // namespace kimonet::store
