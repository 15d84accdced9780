#pragma once
// The RouterAccounts port (issue 22): what a router already serves, read for `kimonet mikrotik
// import` beside its PPP secrets: hotspot users with their user profiles' rates, and DHCP leases.
// Read-only. The real adapter speaks the RouterOS binary API (routeros/routeros_router_accounts.hpp).
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kimonet::network {

// One /ip/hotspot/user (the fields an import reads).
struct HotspotAccount {
    std::string name, profile, comment;
    std::string address;  // a fixed IP given to the user ("address"), or empty
    std::string mac;      // "mac-address", or empty
    bool disabled = false;
};

// One /ip/hotspot/user/profile: its name and rate limit ("rx/tx", empty = unlimited).
struct HotspotProfileRate {
    std::string name, rate_limit;
};

// One /ip/dhcp-server/lease.
struct DhcpLease {
    std::string address, mac, comment;
    std::string rate_limit;  // the lease's own "rate-limit", or empty
    bool dynamic = false;    // handed out from a pool (not a static lease)
    bool disabled = false;
};

class RouterAccounts {
public:
    virtual ~RouterAccounts() = default;
    virtual Result<std::vector<HotspotAccount>> hotspot_users() = 0;
    virtual Result<std::vector<HotspotProfileRate>> hotspot_profiles() = 0;
    virtual Result<std::vector<DhcpLease>> dhcp_leases() = 0;
};

}  // namespace kimonet::network
