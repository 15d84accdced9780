#pragma once
// Technician jobs (issue 21): installation, repair, relocation and dismantle visits to a customer,
// scheduled on a day within a time window, assigned to a technician, worked through a checklist
// and closed as done or failed. The rules both sides share: the kinds and statuses, the checklist a
// kind starts with, the time window, the materials line, and the links the phone view opens.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::field {

enum class JobKind { Installation, Repair, Relocation, Dismantle };
std::string_view to_string(JobKind kind);  // "installation", "repair", "relocation", "dismantle"
std::optional<JobKind> parse_job_kind(std::string_view text);
std::span<const JobKind> all_job_kinds();

enum class JobStatus { Scheduled, Done, Failed, Cancelled };
std::string_view to_string(JobStatus status);  // "scheduled", "done", "failed", "cancelled"
std::optional<JobStatus> parse_job_status(std::string_view text);

// The checklist a new job of `kind` starts with, in Indonesian as the technicians read it.
std::vector<std::string> default_checklist(JobKind kind);

// Bounds of what a job carries (the server refuses more; the forms stop at them).
inline constexpr std::size_t kMaxJobNoteLength = 500;
inline constexpr std::size_t kMaxJobReasonLength = 500;
inline constexpr std::size_t kMaxMaterialLines = 30;
inline constexpr std::size_t kMaxMaterialItemLength = 80;
inline constexpr std::size_t kMaxMaterialUnitLength = 10;
inline constexpr std::int64_t kMaxMaterialQuantity = 100000;
inline constexpr std::size_t kMaxCompletionKeyLength = 100;

// "HH:MM" (00:00-23:59) -> minutes after midnight; nullopt otherwise.
std::optional<int> parse_clock_time(std::string_view text);
// The time window's problems by field ("window_start", "window_end"): both "HH:MM", start before end.
FieldErrors window_problems(std::string_view start, std::string_view end);

// One line of materials used: free text item ("Kabel drop 1 core"), a whole quantity, a unit ("m", "pcs").
struct JobMaterial {
    std::string item;
    std::int64_t quantity = 0;
    std::string unit;
    bool operator==(const JobMaterial&) const = default;
};
// The line's problems by field ("item", "quantity", "unit"); empty when it may be stored.
FieldErrors material_problems(const JobMaterial& material);

// The navigation link the phone opens in a new tab: Google Maps directions to the coordinates
// when the customer has them, else a Maps search for the address; "" when there is neither.
std::string navigation_url(std::optional<double> latitude, std::optional<double> longitude, std::string_view address);
// "6281234567890" -> "tel:+6281234567890"; "" when there is no number.
std::string tel_url(std::string_view phone);

}  // namespace kimonet::field
