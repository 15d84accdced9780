#pragma once
// The ports to the outside world, built once by App::open (app/ports.cpp is the one file that
// names the concrete adapters: the RouterOS API client, Flip/Midtrans/Duitku, MPWA/Fonnte/
// go-whatsapp) and handed to every service through Context::ports, to the runners and the CLI
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
#include "network/router_control.hpp"
#include "network/router_diagnosis.hpp"
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

    // The Messenger the whatsapp_* settings configure (the API key decrypted).
    Result<std::unique_ptr<whatsapp::Messenger>> configured_messenger(store::Database& db, const security::SecretBox& secrets) const;
};

// The real adapters: what `kimonet serve`, the CLI and the tests' TestServer run with.
Ports production_ports();

}  // namespace kimonet::app
