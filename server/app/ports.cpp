// The one place the concrete adapters are named (tests/structure/adapter_includes.cmake keeps
// services, runners, routes and the CLI from naming them).
#include "app/ports.hpp"

#include <mutex>

#include "app/hotspot_port.hpp"
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
    return ports;
}

namespace {

std::mutex& hotspot_factory_mutex() {
    static std::mutex mutex;
    return mutex;
}

HotspotControlFactory& hotspot_factory() {
    static HotspotControlFactory factory;
    return factory;
}

}  // namespace

const HotspotControlFactory& hotspot_control_factory() {
    std::lock_guard lock(hotspot_factory_mutex());
    HotspotControlFactory& factory = hotspot_factory();
    if (!factory) factory = [](const Router& router, const RouterTimeouts& timeouts) { return routeros::hotspot_control(router, api_options(timeouts)); };
    return factory;
}

void set_hotspot_control_factory(HotspotControlFactory factory) {
    std::lock_guard lock(hotspot_factory_mutex());
    hotspot_factory() = std::move(factory);
}

std::unique_ptr<network::RouterAccounts> router_accounts(const Router& router, const RouterTimeouts& timeouts) {
    return routeros::router_accounts(router, api_options(timeouts));
}

Result<std::unique_ptr<whatsapp::Messenger>> Ports::configured_messenger(store::Database& db, const security::SecretBox& secrets) const {
    return messenger(TRY(whatsapp::messenger_settings(db, secrets)));
}

}  // namespace kimonet::app
