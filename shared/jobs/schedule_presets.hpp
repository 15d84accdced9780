#pragma once
// Schedules as people say them: "setiap tanggal 1 jam 00:01", "setiap hari jam 08:00",
// "setiap 5 menit". A preset maps to exactly one cron string and back; any other cron string is
// kept as it is and shown as "Lanjutan: <cron>" (the advanced option). Pure: the settings screen
// and the tests share it; the wire still carries the cron string.
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::jobs {

enum class PresetKind { EveryMinutes, Daily, Monthly, Weekly, Advanced };

struct SchedulePreset {
    PresetKind kind = PresetKind::Advanced;
    int every_minutes = 5;  // EveryMinutes: 1, 5, 10, 15, 30
    int day = 1;            // Monthly: day of month 1..28; Weekly: 0 = Sunday .. 6 = Saturday
    int hour = 0;           // Daily, Monthly, Weekly
    int minute = 0;
    std::string cron;       // Advanced: the cron string as typed
    bool operator==(const SchedulePreset&) const = default;
};

// The preset a cron string is, or Advanced with the string when it is none of them.
SchedulePreset preset_from_cron(std::string_view cron);
// The cron string of a preset (Advanced: its string, trimmed). Fields out of range are clamped.
std::string cron_from_preset(const SchedulePreset& preset);
// "setiap tanggal 1 jam 00:01", "setiap hari jam 08:00", "setiap Senin jam 07:30",
// "setiap 5 menit", "setiap menit", "Lanjutan: 0 8 * * 1-5".
std::string describe_schedule(std::string_view cron);
// Indonesian weekday name, 0 = Minggu.
const char* weekday_name(int weekday);

}  // namespace kimonet::jobs
