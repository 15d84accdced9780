#pragma once
// The RouterOS API adapter of the HotspotControl port: /ip/hotspot/user, /ip/hotspot/user/profile
// and /ip/hotspot/active over one connection of its own, commands pipelined with tags.
#include <memory>

#include "network/hotspot_control.hpp"
#include "routeros/client.hpp"
#include "routers/router.hpp"

namespace kimonet::routeros {

// A HotspotControl for `router` (its password decrypted); connects on first use.
std::unique_ptr<network::HotspotControl> hotspot_control(const Router& router, const ClientOptions& options = {});

}  // namespace kimonet::routeros
