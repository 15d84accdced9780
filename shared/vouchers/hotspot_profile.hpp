#pragma once
// A hotspot user profile (issue 19): what a voucher of a package gives — a rate limit, a time
// limit (RouterOS limit-uptime), a quota (limit-bytes-total), a validity counted from the first
// login, how many devices may share it, and its price. The server pushes it to a router as
// /ip/hotspot/user/profile (rate-limit, shared-users) and writes the limits on each voucher user.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet {

struct HotspotProfile {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> package_id;
    std::string rate_limit;               // "2M/2M"; empty = unlimited
    std::int64_t time_limit_seconds = 0;  // 0 = no limit
    std::int64_t quota_bytes = 0;         // 0 = no limit
    int validity_days = 0;                // 0 = no expiry; counted from the first login
    int shared_users = 1;
    std::int64_t price = 0;
};

// Trims and checks every field; field errors name what is wrong.
Result<HotspotProfile> validate_hotspot_profile(HotspotProfile profile);
// RouterOS rate limits: "rx/tx" each a number with an optional k or M ("512k/1M"), or empty.
bool is_valid_rate_limit(std::string_view text);
// Seconds as a RouterOS time interval ("1d2h30m", "45s"; "0s" for zero).
std::string routeros_duration(std::int64_t seconds);
// A RouterOS time interval as the router prints it ("1w2d3h4m5s", "2h", "00:30:00", "1d02:03:04")
// in seconds; nullopt for anything else.
std::optional<std::int64_t> parse_routeros_duration(std::string_view text);

}  // namespace kimonet
