#pragma once
// The RouterOS API adapter of the RouterAccounts port: prints of /ip/hotspot/user,
// /ip/hotspot/user/profile and /ip/dhcp-server/lease over one connection of its own.
#include <memory>

#include "network/router_accounts.hpp"
#include "routeros/client.hpp"
#include "routers/router.hpp"

namespace kimonet::routeros {

// RouterAccounts for `router` (its password decrypted); connects on first use.
std::unique_ptr<network::RouterAccounts> router_accounts(const Router& router, const ClientOptions& options = {});

}  // namespace kimonet::routeros
