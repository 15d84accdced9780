#pragma once
// Isolation of static-IP and DHCP customers: the customer's IP on the router's `ISOLIR` firewall
// address list (the redirect rules send that list to the isolir page, see
// docs/integrations/routeros.md), removed again on restore; a DHCP customer's lease bound to the
// MAC first. Every change is read back from the router, as the PPPoE profile switch is.
#include <string>
#include <vector>

#include "network/router_control.hpp"

namespace kimonet::services {

// The list the isolir redirect rules match (GET /api/network/snippets; the PPP isolir profile adds its
// sessions to the same list), so one set of rules serves PPPoE, static and DHCP customers.
inline constexpr const char* kIsolirAddressList = "ISOLIR";

struct AddressChange {
    std::string address;
    std::string mac;       // DHCP: bind the lease to this MAC first; empty for static customers
    bool isolate = false;  // true: on the list; false: off it
    std::string comment;   // "kimonet <nomor layanan>"
};

struct AddressChangeResult {
    bool ok = false;
    bool changed = false;   // the list was different and was changed
    bool was_listed = false;
    std::string error;      // the router's words, or the read-back mismatch
};

// Per-change outcomes; an error only when the router cannot be reached at all.
Result<std::vector<AddressChangeResult>> apply_address_changes(network::RouterControl& router, const std::vector<AddressChange>& changes);

}  // namespace kimonet::services
