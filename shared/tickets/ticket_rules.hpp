#pragma once
// Trouble tickets (issue 21, docs/tickets.md): the words a ticket is made of (categories,
// priorities, statuses, channels, closing causes), the SLA targets per priority (settings
// ticket_sla_response_hours / ticket_sla_resolve_hours: "urgent=2,high=4,normal=8,low=24") and
// where a ticket stands against them at a given moment. Pure: the server stores tickets, the
// browser app shows the same words and the same breach rule.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet::tickets {

// Internet down, slow, comes and goes, the customer's device, a billing question, anything else.
inline constexpr std::array<std::string_view, 6> kCategories = {"no_connection", "slow", "intermittent", "device", "billing", "other"};
inline constexpr std::array<std::string_view, 4> kPriorities = {"urgent", "high", "normal", "low"};
// open: reported, nobody assigned; assigned: a technician has it; in_progress: being worked on; closed.
inline constexpr std::array<std::string_view, 4> kStatuses = {"open", "assigned", "in_progress", "closed"};
inline constexpr std::array<std::string_view, 4> kChannels = {"portal", "whatsapp", "landing", "staff"};
inline constexpr std::array<std::string_view, 9> kCloseCauses = {"fiber_cut", "device_fault", "power", "configuration", "customer_side",
                                                                 "area_outage", "billing", "no_fault", "duplicate"};

inline constexpr std::size_t kMaxSubjectLength = 120;
inline constexpr std::size_t kMaxDescriptionLength = 2000;
inline constexpr std::size_t kMaxCommentLength = 2000;
// A customer has at most this many tickets open at once; a further report from the portal is refused
// and one from WhatsApp or the landing page joins the newest open ticket as a comment.
inline constexpr int kMaxOpenTicketsPerCustomer = 3;
// A customer comments on one ticket at most this many times in any 24 hours (portal and WhatsApp
// together): every comment is a row staff read whole, and a script could otherwise add thousands.
inline constexpr int kMaxCustomerCommentsPerDay = 20;

bool is_category(std::string_view text);
bool is_priority(std::string_view text);
bool is_status(std::string_view text);
bool is_close_cause(std::string_view text);
// Indonesian words for messages and screens ("Internet mati", "Tinggi", "Kabel FO putus", ...).
std::string_view category_label(std::string_view category);
std::string_view priority_label(std::string_view priority);
std::string_view status_label(std::string_view status);
std::string_view close_cause_label(std::string_view cause);
// The priority a new report gets when nobody chose one: an outage is high, the rest normal.
std::string_view default_priority(std::string_view category);
// The category a free-text report (a WhatsApp message) most likely means: billing words, slow,
// comes and goes, the device, and otherwise "internet down".
std::string_view category_from_text(std::string_view text);
// "TKT-000042"
std::string ticket_number(std::int64_t id);

// Hours per priority.
struct SlaHours {
    int urgent = 0, high = 0, normal = 0, low = 0;
    int for_priority(std::string_view priority) const;
};
inline constexpr std::string_view kDefaultResponseHours = "urgent=1,high=2,normal=4,low=8";
inline constexpr std::string_view kDefaultResolveHours = "urgent=4,high=8,normal=24,low=72";
// "urgent=1,high=2,normal=4,low=8": every priority once, 1-720 hours each; the field message otherwise.
Result<SlaHours> parse_sla_hours(std::string_view text);

// Where a ticket stands at `now` (Unix seconds): the targets, whether it has missed one and how long
// is left before the next. A closed ticket is judged at its closing time; a response is the first
// assignment or the first customer-visible staff comment.
struct SlaInput {
    std::int64_t response_due_at = 0, resolve_due_at = 0;
    std::optional<std::int64_t> first_response_at, closed_at;
};
struct SlaState {
    bool response_breached = false, resolve_breached = false;
    bool breached() const { return response_breached || resolve_breached; }
    // Seconds until the next target still ahead (response while unanswered, then resolution); nothing
    // when closed or every target is already missed.
    std::optional<std::int64_t> seconds_left;
    std::string_view breach() const { return resolve_breached ? "resolve" : response_breached ? "response" : ""; }
};
SlaState sla_state(const SlaInput& ticket, std::int64_t now);

}  // namespace kimonet::tickets
