#pragma once
// A moment as Indonesians read it, for customers' pages: "6 Desember 2026 pukul 23.57 WIB" (the
// date as format_date_indonesian writes it, "pukul", hours and minutes joined by a period as the
// Indonesian spelling rules (PUEBI) have it, and the zone's name).
#include <cstdint>
#include <string>

#include "core/date.hpp"

namespace kimonet {

// "WIB", "WITA" or "WIT" for Indonesia's three zones; any other offset as "UTC+05:30" ("UTC" at 0).
std::string zone_name(UtcOffset offset);

// Unix seconds at `offset`: "6 Desember 2026 pukul 23.57 WIB".
std::string format_moment_indonesian(std::int64_t unix_seconds, UtcOffset offset);

}  // namespace kimonet
