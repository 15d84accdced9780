#pragma once
// The RouterControl port over the RouterOS REST API (RouterOS 7.1+), and the "auto" adapter
// that speaks the binary API and falls back to REST when the binary API cannot be reached.
#include <memory>

#include "network/router_control.hpp"
#include "routeros/client.hpp"
#include "routeros/rest_client.hpp"
#include "routers/router.hpp"

namespace kimonet::routeros {

std::unique_ptr<network::RouterControl> rest_router_control(const Router& router, const RestOptions& options = {});
// The adapter `router.api_mode` asks for: "api", "rest" or "auto".
std::unique_ptr<network::RouterControl> router_control_for_mode(const Router& router, const ClientOptions& api_options, const RestOptions& rest_options);

}  // namespace kimonet::routeros
