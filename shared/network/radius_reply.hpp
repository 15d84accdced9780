#pragma once
// What FreeRADIUS answers for a RADIUS customer (issue 19), pure so the rule is one place: the
// package's speed as MikroTik's Mikrotik-Rate-Limit, a fixed Framed-IP-Address when the customer
// has one; an isolated customer instead gets the isolir address pool (Framed-Pool), the isolir
// rate limit and the ISOLIR address list (Mikrotik-Address-List: the same redirect rules as PPPoE
// and static customers). Also which Dynamic Authorization message (RFC 5176) makes a change take
// effect on a session that is already up.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kimonet::network {

struct RadiusIsolirPolicy {
    std::string pool;        // radius_isolir_pool: empty = keep the customer's usual address
    std::string rate_limit;  // radius_isolir_rate_limit: empty = the package's speed
};

// MikroTik's "rx/tx" from the router's side: rx is the customer's upload. 10240 kbps -> "10M",
// 1536 -> "1536k".
std::string mikrotik_rate_limit(std::int64_t upload_kbps, std::int64_t download_kbps);

struct RadiusAttributes {
    std::vector<std::pair<std::string, std::string>> reply;  // dictionary name -> value, in order
};
RadiusAttributes radius_reply_attributes(bool isolated, std::int64_t upload_kbps, std::int64_t download_kbps, std::string_view ip_address,
                                         const RadiusIsolirPolicy& policy);

// A change of address pool needs a new session (Disconnect-Request: the NAS drops it and the
// customer dials again into the new pool); a change of rate limit alone is a CoA-Request.
enum class DynamicAuthorization { Disconnect, ChangeOfAuthorization };
DynamicAuthorization dynamic_authorization_for(const RadiusIsolirPolicy& policy);

// The field message for a bad radius_* setting value, nullopt when fine or not one of them.
std::optional<std::string> radius_setting_problem(std::string_view key, std::string_view value);

}  // namespace kimonet::network
