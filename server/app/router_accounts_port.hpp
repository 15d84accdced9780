#pragma once
// The RouterAccounts port's factory (issue 22: importing a router's hotspot users and DHCP
// leases). Beside app::Ports, like the hotspot port, so adding it leaves the header every service
// and test includes alone; app/ports.cpp, the one file that names adapters, makes it.
#include <memory>

#include "app/ports.hpp"
#include "network/router_accounts.hpp"
#include "routers/router.hpp"

namespace kimonet::app {

std::unique_ptr<network::RouterAccounts> router_accounts(const Router& router, const RouterTimeouts& timeouts);

}  // namespace kimonet::app
