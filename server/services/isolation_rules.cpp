#include "services/isolation_rules.hpp"

#include <algorithm>

#include "customers/customer.hpp"
#include "services/address_isolation.hpp"
#include "services/settings.hpp"

namespace kimonet::services {

namespace {

constexpr const char* kCommentPrefix = "kimonet-isolir: ";

// "host:port" → port (0 when not a number in 1..65535).
int port_of(const std::string& text) {
    if (text.empty() || text.size() > 5 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    const int port = std::stoi(text);
    return port >= 1 && port <= 65535 ? port : 0;
}

// The router needs an address (a rule's dst-address and to-addresses take no host names): a name
// is refused, and the message names where the address comes from (--billing-address, else
// public_base_url).
Result<BillingEndpoint> parse_endpoint(const std::string& host_and_port, const char* source) {
    const auto colon = host_and_port.find(':');
    BillingEndpoint endpoint{host_and_port.substr(0, colon), 80};
    if (colon != std::string::npos) endpoint.port = port_of(host_and_port.substr(colon + 1));
    if (!is_valid_ipv4(endpoint.address) || endpoint.port == 0)
        return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kIpv4Address, std::string(source) + ": " + host_and_port));
    return endpoint;
}

network::FirewallRule rule(std::initializer_list<std::pair<const std::string, std::string>> fields) { return {"", fields}; }

}  // namespace

Result<BillingEndpoint> billing_endpoint(app::Context& context, const std::string& override_text) {
    if (!override_text.empty()) return parse_endpoint(override_text, "--billing-address");
    std::string base = get_setting(context.db, "public_base_url").value_or("");
    if (auto scheme = base.find("://"); scheme != std::string::npos) base = base.substr(scheme + 3);
    if (auto slash = base.find('/'); slash != std::string::npos) base.resize(slash);
    return parse_endpoint(base, "public_base_url");
}

std::vector<IsolationRule> isolation_rules(const BillingEndpoint& billing) {
    const std::string list = kIsolirAddressList;
    const std::string prefix = kCommentPrefix;
    return {
        {"filter", rule({{"chain", "forward"}, {"src-address-list", list}, {"protocol", "udp"}, {"dst-port", "53"}, {"action", "accept"},
                         {"comment", prefix + "DNS"}})},
        {"filter", rule({{"chain", "forward"}, {"src-address-list", list}, {"dst-address", billing.address}, {"action", "accept"},
                         {"comment", prefix + "billing"}})},
        {"filter", rule({{"chain", "forward"}, {"src-address-list", list}, {"action", "drop"}, {"comment", prefix + "drop"}})},
        {"nat", rule({{"chain", "dstnat"}, {"src-address-list", list}, {"protocol", "tcp"}, {"dst-port", "80"}, {"dst-address", "!" + billing.address},
                      {"action", "dst-nat"}, {"to-addresses", billing.address}, {"to-ports", std::to_string(billing.port)},
                      {"comment", prefix + "redirect"}})},
    };
}

Result<std::vector<IsolationRuleState>> ensure_isolation_rules(network::FirewallControl& router, const BillingEndpoint& billing, bool apply) {
    const auto wanted = isolation_rules(billing);
    std::vector<network::FirewallRule> filter = TRY(router.firewall_rules("filter"));
    std::vector<network::FirewallRule> nat = TRY(router.firewall_rules("nat"));
    std::vector<IsolationRuleState> states;
    int filter_present = 0, filter_wanted = 0;
    for (const auto& [table, wanted_rule] : wanted) {
        const std::string& comment = wanted_rule.fields.at("comment");
        const auto& existing = table == "filter" ? filter : nat;
        const bool present = std::any_of(existing.begin(), existing.end(), [&](const network::FirewallRule& rule) {
            auto found = rule.fields.find("comment");
            return found != rule.fields.end() && found->second == comment;
        });
        states.push_back({table, comment, present, false});
        if (table == "filter") {
            ++filter_wanted;
            filter_present += present ? 1 : 0;
        }
    }
    if (!apply) return states;
    if (filter_present > 0 && filter_present < filter_wanted) {
        std::string present;
        for (const auto& state : states)
            if (state.table == "filter" && state.present) present += (present.empty() ? "" : ", ") + state.comment;
        return make_error(ErrorCode::Conflict, messages::with_detail(messages::kConflict, "/ip/firewall/filter: " + present));
    }
    for (std::size_t index = 0; index < wanted.size(); ++index) {
        if (states[index].present) continue;
        TRY_VOID(router.firewall_rule_add(wanted[index].table, wanted[index].rule));
        states[index].added = true;
    }
    return states;
}

}  // namespace kimonet::services
