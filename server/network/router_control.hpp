#pragma once
// The RouterControl port: what the product asks of a router. The real adapter speaks the
// RouterOS API (server/routeros/routeros_router_control.hpp); services depend only on this.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kimonet::network {

struct RouterStatus {
    std::string version;
    std::string uptime;
    std::string board_name;
    std::string cpu_load;  // percent
    std::string free_memory;  // bytes
};

struct PppSecret {
    std::string id;  // the router's ".id"; empty when not known
    std::string name;
    std::string password;
    std::string profile;
    std::string service = "pppoe";
    bool disabled = false;
    std::string comment;
};

struct PppProfile {
    std::string id;
    std::string name;
    std::string rate_limit;
};

struct ActiveSession {
    std::string id;
    std::string name;
    std::string address;
    std::string uptime;
};

// "Secret `name` should have `profile`."
struct ProfileSwitch {
    std::string name;
    std::string profile;
};

struct ProfileSwitchResult {
    std::string name;
    bool ok = false;
    bool changed = false;        // the profile was different and was set
    int kicked = 0;              // active sessions removed so the new profile takes effect
    std::string profile_before;  // what the router had
    std::string error;           // when !ok: not found, !trap message, or read-back mismatch
};

class RouterControl {
public:
    virtual ~RouterControl() = default;
    // Connectivity test via /system/resource/print: version, uptime, board, CPU load.
    virtual Result<RouterStatus> test() = 0;
    // Creates the PPP profile with this rate limit, or corrects the rate limit if it differs.
    virtual Result<void> ensure_profile(const std::string& name, const std::string& rate_limit) = 0;
    // Every PPP profile on the router.
    virtual Result<std::vector<PppProfile>> list_profiles() = 0;
    // The PPP secret with this name, if any.
    virtual Result<std::optional<PppSecret>> find_secret(const std::string& name) = 0;
    // Every PPP secret on the router.
    virtual Result<std::vector<PppSecret>> list_secrets() = 0;
    // Adds the secret, or updates password/profile/service of the existing one with that name.
    virtual Result<void> upsert_secret(const PppSecret& secret) = 0;
    // Enables or disables the secret with this name.
    virtual Result<void> set_secret_enabled(const std::string& name, bool enabled) = 0;
    // Active PPP sessions (optionally only those of `name`).
    virtual Result<std::vector<ActiveSession>> list_active(const std::optional<std::string>& name = std::nullopt) = 0;
    // Disconnects every active session of `name`; returns how many there were.
    virtual Result<int> kick(const std::string& name) = 0;
    // Adds `address` to the firewall address list (no-op when present); for static-IP customers.
    virtual Result<void> address_list_add(const std::string& list, const std::string& address, const std::string& comment) = 0;
    // Removes `address` from the list (no-op when absent).
    virtual Result<void> address_list_remove(const std::string& list, const std::string& address) = 0;
    // Every address on the list (read back after a change; the drift check).
    virtual Result<std::vector<std::string>> address_list_entries(const std::string& list) = 0;
    // Binds `address` to `mac` in /ip/dhcp-server/lease: the MAC's lease (a dynamic one is made
    // static first) gets the address; without one, a static lease is added. For DHCP customers.
    virtual Result<void> dhcp_lease_bind(const std::string& address, const std::string& mac, const std::string& comment) = 0;
    // Sets each secret's profile, kicks sessions whose profile changed and reads every secret back,
    // with the commands pipelined. Per-secret outcomes; an error only when the router itself fails.
    virtual Result<std::vector<ProfileSwitchResult>> switch_profiles(const std::vector<ProfileSwitch>& switches) = 0;
};

}  // namespace kimonet::network
