// The one place the concrete adapters are named: RouterOS (binary API and REST: router, hotspot,
// firewall), the payment gateways, the WhatsApp drivers and the RADIUS CoA client
// (tests/structure/adapter_includes.cmake keeps services, runners, routes and the CLI from naming them).
#include "app/ports.hpp"

#include "app/router_accounts_port.hpp"

#include "routeros/rest_router_control.hpp"
#include "routeros/routeros_hotspot_control.hpp"
#include "routeros/router_diagnostics.hpp"
#include "routeros/routeros_router_control.hpp"
#include "routeros/routeros_router_accounts.hpp"

namespace kimonet::app {
namespace {

// The same timeouts for the binary API and for REST.
routeros::ClientOptions api_options(const RouterTimeouts& timeouts) {
    routeros::ClientOptions options;
    options.connect_timeout = timeouts.connect;
    options.reply_timeout = timeouts.reply;
    return options;
}

routeros::RestOptions rest_options(const RouterTimeouts& timeouts) {
    routeros::RestOptions options;
    options.connect_timeout = timeouts.connect;
    options.reply_timeout = timeouts.reply;
    return options;
}

}  // namespace

Ports production_ports() {
    Ports ports;
    ports.router_control = [](const Router& router, const RouterTimeouts& timeouts) {
        return routeros::router_control_for_mode(router, api_options(timeouts), rest_options(timeouts));
    };
    ports.router_diagnostics = [](const Router& router, const RouterTimeouts& timeouts) {
        return routeros::diagnose_router(router, api_options(timeouts), rest_options(timeouts));
    };
    ports.payment_gateway = [](const gateways::GatewayConfig& config) { return gateways::make_payment_gateway(config); };
    ports.messenger = [](whatsapp::MessengerSettings settings) { return whatsapp::make_messenger(std::move(settings)); };
    ports.hotspot_control = [](const Router& router, const RouterTimeouts& timeouts) { return routeros::hotspot_control(router, api_options(timeouts)); };
    ports.firewall_control = [](const Router& router, const RouterTimeouts& timeouts) -> std::unique_ptr<network::FirewallControl> {
        // The RouterOS adapters (binary API, REST, auto) are RouterControl and FirewallControl in one.
        auto control = routeros::router_control_for_mode(router, api_options(timeouts), rest_options(timeouts));
        auto* firewall = network::firewall_of(*control);
        if (!firewall) return nullptr;
        control.release();
        return std::unique_ptr<network::FirewallControl>(firewall);
    };
    ports.dynamic_authorization = [](const radius::CoaTarget& target, radius::Code code, const std::vector<radius::Attribute>& attributes) {
        return radius::send_coa(target, code, attributes);
    };
    return ports;
}

std::unique_ptr<network::RouterAccounts> router_accounts(const Router& router, const RouterTimeouts& timeouts) {
    return routeros::router_accounts(router, api_options(timeouts));
}

Result<std::unique_ptr<whatsapp::Messenger>> Ports::configured_messenger(store::Database& db, const security::SecretBox& secrets) const {
    return messenger(TRY(whatsapp::messenger_settings(db, secrets)));
}

}  // namespace kimonet::app
