#pragma once
// Internals shared by the gateway simulator's two source files.
#include <map>
#include <optional>
#include <string>

#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/sim_http.hpp"
#include "sim/sim_exchange.hpp"
#include "sim/sim_json.hpp"

namespace kimonet::sim {

struct PaymentGatewaySimulator::Exchange : SimExchange {};

std::string lower_ascii(std::string text);
// The callback a gateway sends for `status` ("paid", "pending", "expired"); nullopt when it sends none.
// POST /_sim/reverse/{id}: handled (true) or not this endpoint (gateway_simulator_refunds.cpp).
// Midtrans POST /v2/{id}/cancel and /expire, Flip PUT /pwf/{bill_id}/bill: handled (true) or not
// this endpoint (gateway_simulator_cancel.cpp). Auth is checked by the caller.
bool handle_midtrans_cancel(PaymentGatewaySimulator& simulator, PaymentGatewaySimulator::Exchange& exchange, const std::string& path);
bool handle_flip_bill_edit(PaymentGatewaySimulator& simulator, PaymentGatewaySimulator::Exchange& exchange, const std::string& path);
bool handle_reverse_endpoint(PaymentGatewaySimulator& simulator, PaymentGatewaySimulator::Exchange& exchange, const std::string& path);
std::optional<SimCallback> build_callback(const PaymentGatewaySimulator& simulator, const SimTransaction& transaction, const std::string& status,
                                          Money amount, bool forge);

}  // namespace kimonet::sim
