#pragma once
// The ports to the outside world, built once by App::open (app/ports.cpp is the one file that
// names the concrete adapters: the RouterOS API client, Flip/Midtrans/Duitku, MPWA/Fonnte/
// go-whatsapp, the RADIUS CoA client) and handed to every service through Context::ports, to the runners and the CLI
// through App::ports(). Services ask a port for an adapter; they never construct one, so a test
// (or a second deployment) can swap an adapter without touching a service.
//
// Each port is a factory, not an adapter, because an adapter is made per use from data the
// service has just read (a router's address and password, a gateway's keys, the WhatsApp
// settings). A factory is a std::function rather than another abstract class: the adapters are
// already behind abstract interfaces (RouterControl, PaymentGateway, Messenger), so one more
// class per port would add a hierarchy with one method; a function is replaced by a lambda.
#include <chrono>
#include <functional>
#include <memory>

#include "core/result.hpp"
#include "gateways/payment_gateway.hpp"
#include "network/firewall_control.hpp"
#include "network/hotspot_control.hpp"
#include "network/router_control.hpp"
#include "network/router_diagnosis.hpp"
#include "radius/coa_client.hpp"
#include "routers/router.hpp"
#include "security/secret_box.hpp"
#include "store/database.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::app {

// How long a router may take to answer; the adapter's defaults unless a caller needs a quick look.
struct RouterTimeouts {
    std::chrono::milliseconds connect{3000};
    std::chrono::milliseconds reply{5000};  // for every reply, measured from the last byte received
};

struct Ports {
    // A RouterControl for `router` (its password already decrypted). Cheap to call per use.
    std::function<std::unique_ptr<network::RouterControl>(const Router& router, const RouterTimeouts& timeouts)> router_control;
    // Tries both RouterOS interfaces (binary API and REST) of `router` and says why each does or
    // does not work. Optional: without it the router test asks router_control(...)->test() only.
    std::function<std::vector<network::TransportDiagnosis>(const Router& router, const RouterTimeouts& timeouts)> router_diagnostics;
    // The PaymentGateway for `config.name` ("flip", "midtrans", "duitku"); null for an unknown name.
    std::function<std::unique_ptr<gateways::PaymentGateway>(const gateways::GatewayConfig& config)> payment_gateway;
    // The Messenger for `settings.driver`; 503 when no gateway URL is set, 422 for an unknown driver.
    std::function<Result<std::unique_ptr<whatsapp::Messenger>>(whatsapp::MessengerSettings settings)> messenger;
    // The hotspot users and profiles of `router` (vouchers). Optional: without it vouchers cannot be pushed (503).
    std::function<std::unique_ptr<network::HotspotControl>(const Router& router, const RouterTimeouts& timeouts)> hotspot_control;
    // The firewall rules of `router` (the isolir rules `mikrotik test --fix` adds); null when the
    // adapter has no firewall. Optional: without it the fix checks no rules.
    std::function<std::unique_ptr<network::FirewallControl>(const Router& router, const RouterTimeouts& timeouts)> firewall_control;
    // Sends one CoA-Request / Disconnect-Request (RFC 5176) to a NAS and returns its answer (the
    // retries `target` asks for included). Optional: without it a RADIUS change stays pending.
    std::function<radius::CoaResult(const radius::CoaTarget& target, radius::Code code, const std::vector<radius::Attribute>& attributes)>
        dynamic_authorization;

    // The Messenger the whatsapp_* settings configure (the API key decrypted).
    Result<std::unique_ptr<whatsapp::Messenger>> configured_messenger(store::Database& db, const security::SecretBox& secrets) const;
};

// The real adapters: what `kimonet serve`, the CLI and the tests' TestServer run with.
Ports production_ports();

}  // namespace kimonet::app
