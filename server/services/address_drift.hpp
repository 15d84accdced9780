#pragma once
// The drift check (and repair) of static-IP and DHCP customers: isolated ones must be on the
// router's `ISOLIR` address list, active ones must not. Part of network_drift (services/network_reconcile).
#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "network/router_control.hpp"
#include "routers/router.hpp"

namespace kimonet::services {

// Appends the drift items of `router`'s address customers to entry["drift"] (and repairs what is
// not pending when `repair`); returns how many were repaired. An unreachable list is entry["error"].
Result<int> address_list_drift(app::Context& context, const Router& router, network::RouterControl& control, bool repair, api::Json& entry);

}  // namespace kimonet::services
