#pragma once
// The RouterOS API adapter of the RouterControl port, with one logged-in connection per
// router kept open and reused across commands (and across requests) by a process-wide cache.
#include <memory>

#include "network/router_control.hpp"
#include "routeros/client.hpp"
#include "routers/router.hpp"

namespace kimonet::routeros {

// A RouterControl for `router` (its password decrypted). Cheap: connections are cached by
// router id and endpoint, so a changed host/port/password opens a fresh connection.
std::unique_ptr<network::RouterControl> router_control(const Router& router, const ClientOptions& options = {});
// Closes every cached connection (tests, shutdown).
void close_cached_connections();

}  // namespace kimonet::routeros
