// Allowed: the one place the concrete adapters are named.
#include "routeros/routeros_router_control.hpp"
Ports production_ports() { return {routeros::router_control, gateways::make_payment_gateway, whatsapp::make_messenger}; }
