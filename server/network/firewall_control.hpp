#pragma once
// A router's firewall rules (/ip/firewall/filter and /ip/firewall/nat): what `kimonet mikrotik test
// --fix` reads and adds for isolation by address list. Beside the RouterControl port rather than in
// it: only the fix uses it, and the RouterOS adapters (binary API, REST, auto) implement both; a
// RouterControl that does not (a test's fake) simply has no firewall to fix.
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "network/router_control.hpp"

namespace kimonet::network {

// The fields read back, as RouterOS names them.
inline constexpr const char* kFirewallRuleFields =
    ".id,chain,action,src-address-list,protocol,dst-port,dst-address,to-addresses,to-ports,comment,disabled";

// A rule of /ip/firewall/filter or /ip/firewall/nat: its ".id" and its fields.
struct FirewallRule {
    std::string id;
    std::map<std::string, std::string> fields;
};

class FirewallControl {
public:
    virtual ~FirewallControl() = default;
    // Every rule of /ip/firewall/<table> ("filter" or "nat") in the router's order.
    virtual Result<std::vector<FirewallRule>> firewall_rules(const std::string& table) = 0;
    // Appends a rule (its fields; the id is ignored) to the end of /ip/firewall/<table>.
    virtual Result<void> firewall_rule_add(const std::string& table, const FirewallRule& rule) = 0;
};

// The firewall of the router `control` speaks to, when its adapter has one (null otherwise).
inline FirewallControl* firewall_of(RouterControl& control) { return dynamic_cast<FirewallControl*>(&control); }

}  // namespace kimonet::network
