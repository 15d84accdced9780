// Planted violations: tests/CMakeLists.txt runs adapter_includes.cmake on this folder and expects
// each rule to report its line, so the structure test is known to be able to fail.
#include "routeros/routeros_router_control.hpp"
#include "routeros/client.hpp"
#include "gateways/flip_gateway.hpp"
#include "gateways/gateway_http.hpp"
#include "gateways/payment_gateway.hpp"
#include "whatsapp/fonnte_messenger.hpp"
#include "whatsapp/messenger.hpp"
// routeros::router_control(router) in a comment is fine.
void push(const Router& router) { auto control = routeros::router_control(router); }
void charge(const GatewayConfig& config) { auto adapter = gateways::make_payment_gateway(config); }
void midtrans(const GatewayConfig& config) { auto adapter = make_midtrans_gateway(config); }
void fine(app::Context& context, const Router& router) { auto control = context.ports.router_control(router, {}); }
void vouchers(const Router& router) { auto hotspot = routeros::hotspot_control(router); }
void coa(const CoaTarget& target) { auto answer = radius::send_coa(target, Code::CoaRequest, {}); }
void fine_coa(app::Context& context, const CoaTarget& target) { auto answer = context.ports.dynamic_authorization(target, Code::CoaRequest, {}); }
