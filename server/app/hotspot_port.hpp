#pragma once
// The hotspot port (issue 19): a factory of network::HotspotControl, the voucher feature's view of
// a router. It sits beside app::Ports rather than in it only to keep this change from touching the
// header every service and test includes; app/ports.cpp, the one file that names adapters, makes
// the production factory, and a test may swap it (set_hotspot_control_factory) like a Ports field.
#include <functional>
#include <memory>

#include "app/ports.hpp"
#include "network/hotspot_control.hpp"
#include "routers/router.hpp"

namespace kimonet::app {

using HotspotControlFactory = std::function<std::unique_ptr<network::HotspotControl>(const Router& router, const RouterTimeouts& timeouts)>;

// The factory in use: the RouterOS binary API adapter unless replaced.
const HotspotControlFactory& hotspot_control_factory();
// Replaces the factory (tests); an empty one restores production's.
void set_hotspot_control_factory(HotspotControlFactory factory);

}  // namespace kimonet::app
