#include "tickets/ticket_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <initializer_list>

#include "core/text.hpp"
#include "core/ticket_messages.hpp"

namespace kimonet::tickets {

namespace {

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& words, std::string_view text) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

struct TicketLabel {
    std::string_view word, label;
};

constexpr TicketLabel kTicketLabels[] = {
    {"no_connection", "Internet mati"},  {"slow", "Internet lambat"},    {"intermittent", "Putus-putus"},
    {"device", "Perangkat / router"},    {"billing", "Tagihan"},         {"other", "Lainnya"},
    {"urgent", "Darurat"},               {"high", "Tinggi"},             {"normal", "Normal"},
    {"low", "Rendah"},                   {"open", "Baru"},               {"assigned", "Ditugaskan"},
    {"in_progress", "Dikerjakan"},       {"closed", "Selesai"},          {"fiber_cut", "Kabel FO putus"},
    {"device_fault", "Perangkat rusak"}, {"power", "Listrik padam"},     {"configuration", "Konfigurasi"},
    {"customer_side", "Di sisi pelanggan"}, {"area_outage", "Gangguan area"}, {"no_fault", "Tidak ada gangguan"},
    {"duplicate", "Laporan ganda"},
};

std::string_view ticket_label_of(std::string_view word) {
    for (const auto& entry : kTicketLabels)
        if (entry.word == word) return entry.label;
    return word;
}

}  // namespace

bool is_category(std::string_view text) { return is_one_of(kCategories, text); }
bool is_priority(std::string_view text) { return is_one_of(kPriorities, text); }
bool is_status(std::string_view text) { return is_one_of(kStatuses, text); }
bool is_close_cause(std::string_view text) { return is_one_of(kCloseCauses, text); }
std::string_view category_label(std::string_view category) { return ticket_label_of(category); }
std::string_view priority_label(std::string_view priority) { return ticket_label_of(priority); }
std::string_view status_label(std::string_view status) { return ticket_label_of(status); }
std::string_view close_cause_label(std::string_view cause) { return ticket_label_of(cause); }

std::string_view default_priority(std::string_view category) { return category == "no_connection" ? "high" : "normal"; }

std::string_view category_from_text(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    auto mentions = [&](std::initializer_list<std::string_view> words) {
        return std::any_of(words.begin(), words.end(), [&](std::string_view word) { return lower.find(word) != std::string::npos; });
    };
    if (mentions({"bayar", "tagih", "invoice"})) return "billing";
    if (mentions({"lemot", "lambat", "lelet", "pelan"})) return "slow";
    if (mentions({"putus", "naik turun", "kadang"})) return "intermittent";
    if (mentions({"router", "modem", "wifi rusak", "adaptor"})) return "device";
    return "no_connection";
}

std::string ticket_number(std::int64_t id) {
    char text[32];
    std::snprintf(text, sizeof text, "TKT-%06lld", static_cast<long long>(id));
    return text;
}

int SlaHours::for_priority(std::string_view priority) const {
    if (priority == "urgent") return urgent;
    if (priority == "high") return high;
    if (priority == "low") return low;
    return normal;
}

Result<SlaHours> parse_sla_hours(std::string_view text) {
    SlaHours hours;
    bool seen[4] = {false, false, false, false};
    auto refuse = [] { return validation_error({{"hours", messages::kTicketSlaHours}}); };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view part = text.substr(start, comma - start);
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos) return refuse();
        const std::string_view priority = part.substr(0, equals), number = part.substr(equals + 1);
        if (number.empty() || number.size() > 3 || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return refuse();
        int value = 0;
        for (char c : number) value = value * 10 + (c - '0');
        if (value < 1 || value > 720) return refuse();
        const auto position = std::find(kPriorities.begin(), kPriorities.end(), priority);
        if (position == kPriorities.end()) return refuse();
        const auto index = static_cast<std::size_t>(position - kPriorities.begin());
        if (seen[index]) return refuse();
        seen[index] = true;
        (index == 0 ? hours.urgent : index == 1 ? hours.high : index == 2 ? hours.normal : hours.low) = value;
        start = comma + 1;
    }
    if (!std::all_of(std::begin(seen), std::end(seen), [](bool value) { return value; })) return refuse();
    return hours;
}

SlaState sla_state(const SlaInput& ticket, std::int64_t now) {
    SlaState state;
    const std::int64_t judged_at = ticket.closed_at ? *ticket.closed_at : now;
    const std::int64_t responded_at = ticket.first_response_at ? *ticket.first_response_at : judged_at;
    state.response_breached = responded_at > ticket.response_due_at;
    state.resolve_breached = judged_at > ticket.resolve_due_at;
    if (!ticket.closed_at) {
        if (!ticket.first_response_at && !state.response_breached) state.seconds_left = ticket.response_due_at - now;
        else if (!state.resolve_breached) state.seconds_left = ticket.resolve_due_at - now;
    }
    return state;
}

}  // namespace kimonet::tickets
