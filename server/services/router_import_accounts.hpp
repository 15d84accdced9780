#pragma once
// Importing from the router beyond its PPP secrets (issue 22, `kimonet mikrotik import`): hotspot
// users with a fixed IP and static DHCP leases become static-IP customers, matched to a package by
// their profile (the package's MikroTik profile) or else by rate (the hotspot user profile's or the
// lease's rate-limit against the package's speeds). Part of import_from_router's transaction and
// report (services/network_reconcile.hpp), with the same dry run.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "network/router_accounts.hpp"
#include "routers/router.hpp"

namespace kimonet::services {

// "10M" -> 10000, "512k" -> 512 (kbps); 0 when unreadable.
std::int64_t router_rate_kbps(const std::string& text);
// RT/RW-net routers usually keep "name 0812…" in a secret's, user's or lease's comment: {name, phone}.
std::pair<std::string, std::string> router_comment_name_and_phone(const std::string& comment);

struct RouterAccountsSnapshot {
    std::vector<network::HotspotAccount> hotspot_users;
    std::vector<network::HotspotProfileRate> hotspot_profiles;
    std::vector<network::DhcpLease> leases;
    std::string error;  // the router's answer when they could not be read (the PPP part still imports)
};

// Reads them over the binary API (outside any transaction).
RouterAccountsSnapshot read_router_accounts(const Router& router);

// Adds "hotspot_customers" and "static_customers" to `report` (and their "skipped" entries);
// creates the customers unless `dry_run`. Users and leases whose IP is a customer's already are left out.
Result<void> import_router_accounts(app::Context& context, const Router& router, const RouterAccountsSnapshot& accounts,
                                    const std::map<std::string, std::int64_t>& package_by_profile, bool dry_run, api::Json& report);

}  // namespace kimonet::services
