#include "vouchers/hotspot_profile.hpp"

#include "core/money.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "core/voucher_messages.hpp"

namespace kimonet {

namespace {

bool is_profile_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool is_rate(std::string_view part) {
    if (part.empty() || part.size() > 12) return false;
    std::size_t digits = 0;
    while (digits < part.size() && part[digits] >= '0' && part[digits] <= '9') ++digits;
    if (digits == 0) return false;
    const std::string_view rest = part.substr(digits);
    return rest.empty() || rest == "k" || rest == "K" || rest == "M" || rest == "G";
}

}  // namespace

bool is_valid_rate_limit(std::string_view text) {
    if (text.empty()) return true;
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return is_rate(text);
    return is_rate(text.substr(0, slash)) && is_rate(text.substr(slash + 1));
}

Result<HotspotProfile> validate_hotspot_profile(HotspotProfile profile) {
    FieldErrors fields;
    profile.name = trim_copy(profile.name);
    profile.rate_limit = trim_copy(profile.rate_limit);
    if (!is_profile_name(profile.name)) fields["name"] = messages::kHotspotProfileName;
    if (!is_valid_rate_limit(profile.rate_limit)) fields["rate_limit"] = messages::kHotspotRateLimit;
    if (profile.time_limit_seconds < 0 || profile.time_limit_seconds > 365LL * 86400) fields["time_limit_seconds"] = messages::kHotspotTimeLimit;
    if (profile.quota_bytes < 0 || profile.quota_bytes > 100'000'000'000'000LL) fields["quota_bytes"] = messages::kHotspotQuota;
    if (profile.validity_days < 0 || profile.validity_days > 365) fields["validity_days"] = messages::kHotspotValidity;
    if (profile.shared_users < 1 || profile.shared_users > 100) fields["shared_users"] = messages::kHotspotSharedUsers;
    if (profile.price < 0 || profile.price > kMaxMoney) fields["price"] = messages::kPrice;
    if (!fields.empty()) return validation_error(std::move(fields));
    return profile;
}

std::string routeros_duration(std::int64_t seconds) {
    if (seconds <= 0) return "0s";
    std::string out;
    const std::int64_t parts[] = {seconds / 86400, seconds % 86400 / 3600, seconds % 3600 / 60, seconds % 60};
    const char units[] = {'d', 'h', 'm', 's'};
    for (int index = 0; index < 4; ++index)
        if (parts[index] > 0) out += std::to_string(parts[index]) + units[index];
    return out;
}

std::optional<std::int64_t> parse_routeros_duration(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::int64_t total = 0, number = 0;
    bool digits = false;
    std::size_t index = 0;
    // Unit form: 1w2d3h4m5s (RouterOS may add "ms" fractions on active sessions: dropped).
    while (index < text.size()) {
        const char c = text[index];
        if (c >= '0' && c <= '9') {
            if (number > 1'000'000'000'000LL) return std::nullopt;
            number = number * 10 + (c - '0');
            digits = true;
            ++index;
            continue;
        }
        if (c == ':') break;
        if (!digits) return std::nullopt;
        std::int64_t unit = 0;
        if (c == 'w') unit = 7 * 86400;
        else if (c == 'd') unit = 86400;
        else if (c == 'h') unit = 3600;
        else if (c == 'm' && index + 1 < text.size() && text[index + 1] == 's') { number = 0; digits = false; index += 2; continue; }
        else if (c == 'm') unit = 60;
        else if (c == 's') unit = 1;
        else return std::nullopt;
        total += number * unit;
        number = 0;
        digits = false;
        ++index;
    }
    if (index == text.size()) return digits ? std::nullopt : std::optional(total);
    // Clock form after an optional day count: [Nd]HH:MM:SS.
    const std::string_view clock = text.substr(index - (digits ? std::to_string(number).size() : 0));
    int fields[3] = {0, 0, 0};
    int field = 0;
    bool seen = false;
    for (char c : clock) {
        if (c == ':') {
            if (!seen || ++field > 2) return std::nullopt;
            seen = false;
        } else if (c >= '0' && c <= '9') {
            fields[field] = fields[field] * 10 + (c - '0');
            seen = true;
            if (fields[field] > 1'000'000) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (field != 2 || !seen) return std::nullopt;
    return total + fields[0] * 3600LL + fields[1] * 60LL + fields[2];
}

}  // namespace kimonet
