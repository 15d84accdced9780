#pragma once
// The HotspotControl port (issue 19): what the voucher feature asks of a router's hotspot. The
// real adapter speaks the RouterOS binary API (server/routeros/routeros_hotspot_control.hpp) with
// every batch of commands pipelined (tagged, many in flight), which REST cannot do.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kimonet::network {

// /ip/hotspot/user/profile: the fields we own.
struct HotspotUserProfile {
    std::string name;
    std::string rate_limit;  // empty = unlimited
    int shared_users = 1;
};

// One /ip/hotspot/user.
struct HotspotUser {
    std::string id;  // the router's ".id"; empty when not known
    std::string name;
    std::string password;
    std::string profile;
    std::string limit_uptime;           // RouterOS interval ("1h"); empty = none
    std::int64_t limit_bytes_total = 0;  // 0 = none
    std::string comment;
    // Read back only.
    std::string uptime;
    std::int64_t bytes_in = 0;
    std::int64_t bytes_out = 0;
};

// One /ip/hotspot/active session.
struct HotspotSession {
    std::string id;
    std::string user;
    std::string address;
    std::string uptime;
};

// What happened to one user of an add_users call.
struct HotspotAddResult {
    std::string name;
    bool added = false;    // the router made it (!done =ret=*N)
    bool existed = false;  // the router already had one by that name (a resumed push)
    std::string error;     // any other !trap
};

class HotspotControl {
public:
    virtual ~HotspotControl() = default;
    // Creates the user profile or corrects its rate limit and shared users.
    virtual Result<void> ensure_user_profile(const HotspotUserProfile& profile) = 0;
    // The hotspot users whose comment is `comment` (every user when empty), with uptime and bytes.
    virtual Result<std::vector<HotspotUser>> list_users(const std::string& comment) = 0;
    // Adds the users, pipelined (the client's window of commands in flight); one result per user.
    virtual Result<std::vector<HotspotAddResult>> add_users(const std::vector<HotspotUser>& users) = 0;
    // Removes users by ".id", pipelined; returns how many the router removed.
    virtual Result<int> remove_users(const std::vector<std::string>& ids) = 0;
    // Every active hotspot session.
    virtual Result<std::vector<HotspotSession>> list_active() = 0;
};

}  // namespace kimonet::network
