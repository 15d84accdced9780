#pragma once
// The firewall rules that isolation by address list needs on a router (`kimonet mikrotik test
// --fix`): a customer whose address is on the `ISOLIR` list (static-IP and DHCP customers, and
// PPPoE customers through the ISOLIR profile's address-list) may reach DNS and the billing server,
// has plain HTTP redirected to the billing server (the isolir page) and everything else dropped.
// Each rule carries a fixed comment ("kimonet-isolir: …") by which it is recognised, so a second
// run adds nothing.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "network/firewall_control.hpp"

namespace kimonet::services {

// Where the router sends an isolated customer's HTTP: the billing server as the router reaches it.
struct BillingEndpoint {
    std::string address;  // IPv4
    int port = 80;
};
// From `override_text` ("10.0.0.2" or "10.0.0.2:8080") when given, else the public_base_url's host
// when it is an IPv4 address (port from the URL, else 80). A host name is a ValidationFailed.
Result<BillingEndpoint> billing_endpoint(app::Context& context, const std::string& override_text);

struct IsolationRule {
    std::string table;  // "filter" or "nat"
    network::FirewallRule rule;
};
// The rules, in the order they must stand: filter (DNS, billing, drop), then nat (redirect).
std::vector<IsolationRule> isolation_rules(const BillingEndpoint& billing);

struct IsolationRuleState {
    std::string table;
    std::string comment;
    bool present = false;  // on the router before this run
    bool added = false;    // added by this run
};
// Compares the router's rules with isolation_rules() by comment; with `apply`, appends the missing
// ones in order. Refuses (Conflict, changing nothing, naming the rules there) when only part of the
// filter rules is there: an accept appended after our drop would never match.
Result<std::vector<IsolationRuleState>> ensure_isolation_rules(network::FirewallControl& router, const BillingEndpoint& billing, bool apply);

}  // namespace kimonet::services
