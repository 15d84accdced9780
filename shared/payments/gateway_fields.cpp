#include "payments/gateway_fields.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace kimonet::payments {

namespace {

bool ascii_alphanumeric(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// What we produce: letters, digits, - _ . (a subset of Midtrans' alphabet, which also allows ~;
// Duitku documents none, so we stay with the plainest).
bool order_id_character(char c) { return ascii_alphanumeric(c) || c == '-' || c == '_' || c == '.'; }

}  // namespace

GatewayFieldLimits gateway_field_limits(std::string_view gateway) {
    GatewayFieldLimits limits;
    if (gateway == "flip") return limits;
    if (gateway == "midtrans") {
        limits.title = 50;  // item_details name
        return limits;
    }
    limits.customer_name = 20;  // Duitku customerVaName, shown on the bank's confirmation screen
    limits.phone = 50;
    if (gateway != "duitku") limits.title = 50;
    return limits;
}

std::string fit_utf8(std::string_view text, std::size_t max_bytes) {
    std::string out;
    out.reserve(std::min(text.size(), max_bytes));
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = utf8_sequence_length(text.substr(at));
        if (length == 0) {
            ++at;  // not a character: dropped
            continue;
        }
        if (out.size() + length > max_bytes) break;
        out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

bool gateway_order_id_valid(std::string_view gateway, std::string_view order_id) {
    if (order_id.empty() || order_id.size() > gateway_field_limits(gateway).order_id) return false;
    return std::all_of(order_id.begin(), order_id.end(), [](char c) { return order_id_character(c) || c == '~'; });
}

std::string gateway_order_id(std::string_view gateway, std::string_view invoice_number, std::string_view suffix) {
    const std::size_t limit = gateway_field_limits(gateway).order_id;
    std::string clean_suffix;
    for (char c : suffix)
        if (ascii_alphanumeric(c)) clean_suffix += c;
    if (clean_suffix.size() > limit - 2) clean_suffix.resize(limit - 2);

    std::string base;
    for (char c : invoice_number) {
        const char mapped = order_id_character(c) ? c : '-';
        if (mapped == '-' && (base.empty() || base.back() == '-')) continue;  // one "-" per run, none leading
        base += mapped;
    }
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty()) base = "INV";

    const std::size_t budget = limit - 1 - clean_suffix.size();
    if (base.size() > budget) {
        // Start and end of the number: its prefix says which ISP/series, its end the running number.
        constexpr std::string_view kElided = "..";
        const std::size_t room = budget > kElided.size() ? budget - kElided.size() : 0;
        const std::size_t head = std::min<std::size_t>(12, room / 2);
        const std::size_t tail = room - head;
        base = base.substr(0, head) + std::string(kElided) + base.substr(base.size() - tail);
        base.resize(std::min(base.size(), budget));
    }
    return base + "-" + clean_suffix;
}

}  // namespace kimonet::payments
