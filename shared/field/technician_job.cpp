#include "field/technician_job.hpp"

#include <array>
#include <cstdio>

#include "api/json_fields.hpp"
#include "core/technician_job_messages.hpp"

namespace kimonet::field {

namespace {

constexpr std::array<JobKind, 4> kJobKinds{JobKind::Installation, JobKind::Repair, JobKind::Relocation, JobKind::Dismantle};
constexpr std::array<std::string_view, 4> kJobKindNames{"installation", "repair", "relocation", "dismantle"};
constexpr std::array<std::string_view, 4> kJobStatusNames{"scheduled", "done", "failed", "cancelled"};

bool job_text_has_control_characters(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

}  // namespace

std::string_view to_string(JobKind kind) { return kJobKindNames[static_cast<std::size_t>(kind)]; }

std::optional<JobKind> parse_job_kind(std::string_view text) {
    for (std::size_t i = 0; i < kJobKindNames.size(); ++i)
        if (kJobKindNames[i] == text) return kJobKinds[i];
    return std::nullopt;
}

std::span<const JobKind> all_job_kinds() { return kJobKinds; }

std::string_view to_string(JobStatus status) { return kJobStatusNames[static_cast<std::size_t>(status)]; }

std::optional<JobStatus> parse_job_status(std::string_view text) {
    for (std::size_t i = 0; i < kJobStatusNames.size(); ++i)
        if (kJobStatusNames[i] == text) return static_cast<JobStatus>(i);
    return std::nullopt;
}

std::vector<std::string> default_checklist(JobKind kind) {
    switch (kind) {
        case JobKind::Installation:
            return {"Kabel drop terpasang dan dirapikan", "Redaman ONT diukur (dBm dicatat)", "ONT/router terpasang dan menyala",
                    "Internet diuji di perangkat pelanggan", "Password WiFi diberikan ke pelanggan"};
        case JobKind::Repair:
            return {"Gangguan diperiksa di lokasi", "Penyebab ditemukan dan diperbaiki", "Internet diuji di perangkat pelanggan"};
        case JobKind::Relocation:
            return {"Perangkat dilepas di lokasi lama", "Kabel drop terpasang di lokasi baru", "ONT/router terpasang dan menyala",
                    "Internet diuji di lokasi baru"};
        case JobKind::Dismantle:
            return {"ONT/router diambil dari pelanggan", "Kabel drop dilepas dari ODP", "Perangkat dicatat kembali ke gudang"};
    }
    return {};
}

std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    const int hour = (text[0] - '0') * 10 + (text[1] - '0');
    const int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (hour > 23 || minute > 59) return std::nullopt;
    return hour * 60 + minute;
}

FieldErrors window_problems(std::string_view start, std::string_view end) {
    FieldErrors fields;
    const auto from = parse_clock_time(start);
    const auto to = parse_clock_time(end);
    if (!from) fields["window_start"] = messages::kJobClockTime;
    if (!to) fields["window_end"] = messages::kJobClockTime;
    if (from && to && *to <= *from) fields["window_end"] = messages::kJobWindowOrder;
    return fields;
}

FieldErrors material_problems(const JobMaterial& material) {
    FieldErrors fields;
    if (material.item.empty() || material.item.size() > kMaxMaterialItemLength || job_text_has_control_characters(material.item))
        fields["item"] = messages::kJobMaterialItem;
    if (material.quantity < 1 || material.quantity > kMaxMaterialQuantity) fields["quantity"] = messages::kJobMaterialQuantity;
    if (material.unit.size() > kMaxMaterialUnitLength || job_text_has_control_characters(material.unit)) fields["unit"] = messages::kJobMaterialUnit;
    return fields;
}

std::string navigation_url(std::optional<double> latitude, std::optional<double> longitude, std::string_view address) {
    if (latitude && longitude && *latitude >= -90 && *latitude <= 90 && *longitude >= -180 && *longitude <= 180) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "%.6f,%.6f", *latitude, *longitude);
        return "https://www.google.com/maps/dir/?api=1&destination=" + api::url_encode(buffer);
    }
    if (address.empty()) return {};
    return "https://www.google.com/maps/search/?api=1&query=" + api::url_encode(address);
}

std::string tel_url(std::string_view phone) {
    std::string digits;
    for (char c : phone)
        if (c >= '0' && c <= '9') digits.push_back(c);
    if (digits.empty()) return {};
    if (digits.starts_with("0")) digits = "62" + digits.substr(1);
    return "tel:+" + digits;
}

}  // namespace kimonet::field
