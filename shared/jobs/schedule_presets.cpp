#include "jobs/schedule_presets.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kimonet::jobs {
namespace {

constexpr const char* kWeekdays[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
constexpr int kEveryChoices[] = {1, 2, 5, 10, 15, 20, 30};

std::vector<std::string> fields_of(std::string_view text) {
    std::vector<std::string> fields;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            if (!current.empty()) fields.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) fields.push_back(std::move(current));
    return fields;
}

// A plain decimal number in [low, high] without a leading zero (so "08" stays advanced and
// the round trip gives back the same string).
std::optional<int> number(const std::string& text, int low, int high) {
    if (text.empty() || text.size() > 2 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < low || value > high) return std::nullopt;
    return value;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

std::string clock_text(int hour, int minute) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", hour % 24, minute % 60);
    return text;
}

}  // namespace

const char* weekday_name(int weekday) { return kWeekdays[std::clamp(weekday, 0, 6)]; }

SchedulePreset preset_from_cron(std::string_view cron) {
    SchedulePreset advanced;
    advanced.cron = trimmed(cron);
    const auto fields = fields_of(cron);
    if (fields.size() != 5) return advanced;
    const std::string &minute = fields[0], &hour = fields[1], &day = fields[2], &month = fields[3], &weekday = fields[4];
    if (month != "*") return advanced;
    SchedulePreset preset;
    if (hour == "*" && day == "*" && weekday == "*") {
        int every = 0;
        if (minute == "*") every = 1;
        else if (minute.rfind("*/", 0) == 0) every = number(minute.substr(2), 2, 30).value_or(0);
        if (every == 0 || std::find(std::begin(kEveryChoices), std::end(kEveryChoices), every) == std::end(kEveryChoices)) return advanced;
        preset.kind = PresetKind::EveryMinutes;
        preset.every_minutes = every;
        return preset;
    }
    const auto at_minute = number(minute, 0, 59);
    const auto at_hour = number(hour, 0, 23);
    if (!at_minute || !at_hour) return advanced;
    preset.minute = *at_minute;
    preset.hour = *at_hour;
    if (day == "*" && weekday == "*") {
        preset.kind = PresetKind::Daily;
    } else if (weekday == "*") {
        const auto at_day = number(day, 1, 28);  // 29-31 do not come every month: advanced
        if (!at_day) return advanced;
        preset.kind = PresetKind::Monthly;
        preset.day = *at_day;
    } else if (day == "*") {
        const auto at_weekday = number(weekday, 0, 6);
        if (!at_weekday) return advanced;
        preset.kind = PresetKind::Weekly;
        preset.day = *at_weekday;
    } else {
        return advanced;
    }
    return preset;
}

std::string cron_from_preset(const SchedulePreset& preset) {
    const int minute = std::clamp(preset.minute, 0, 59), hour = std::clamp(preset.hour, 0, 23);
    const std::string at = std::to_string(minute) + " " + std::to_string(hour) + " ";
    switch (preset.kind) {
        case PresetKind::EveryMinutes: {
            const int every = std::clamp(preset.every_minutes, 1, 30);
            return every == 1 ? "* * * * *" : "*/" + std::to_string(every) + " * * * *";
        }
        case PresetKind::Daily: return at + "* * *";
        case PresetKind::Monthly: return at + std::to_string(std::clamp(preset.day, 1, 28)) + " * *";
        case PresetKind::Weekly: return at + "* * " + std::to_string(std::clamp(preset.day, 0, 6));
        case PresetKind::Advanced: break;
    }
    return trimmed(preset.cron);
}

std::string describe_schedule(std::string_view cron) {
    const SchedulePreset preset = preset_from_cron(cron);
    switch (preset.kind) {
        case PresetKind::EveryMinutes:
            return preset.every_minutes == 1 ? "setiap menit" : "setiap " + std::to_string(preset.every_minutes) + " menit";
        case PresetKind::Daily: return "setiap hari jam " + clock_text(preset.hour, preset.minute);
        case PresetKind::Monthly:
            return "setiap tanggal " + std::to_string(preset.day) + " jam " + clock_text(preset.hour, preset.minute);
        case PresetKind::Weekly: return std::string("setiap ") + weekday_name(preset.day) + " jam " + clock_text(preset.hour, preset.minute);
        case PresetKind::Advanced: break;
    }
    return "Lanjutan: " + preset.cron;
}

}  // namespace kimonet::jobs
