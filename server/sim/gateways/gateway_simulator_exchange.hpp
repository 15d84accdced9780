#pragma once
// Internals shared by the gateway simulator's two source files.
#include <map>
#include <optional>
#include <string>

#include "sim/gateways/payment_gateway_simulator.hpp"
#include "sim/sim_http.hpp"
#include "sim/sim_json.hpp"

namespace kimonet::sim {

struct PaymentGatewaySimulator::Exchange {
    std::string method;
    std::string path;
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
    int status = 200;
    std::string content_type = "application/json";
    std::string answer;

    std::string header(const std::string& name) const {
        auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
    void reply(int code, const Json& json) {
        status = code;
        content_type = "application/json";
        answer = json.dump();
    }
};

std::string lower_ascii(std::string text);
// The callback a gateway sends for `status` ("paid", "pending", "expired"); nullopt when it sends none.
// POST /_sim/reverse/{id}: handled (true) or not this endpoint (gateway_simulator_refunds.cpp).
bool handle_reverse_endpoint(PaymentGatewaySimulator& simulator, PaymentGatewaySimulator::Exchange& exchange, const std::string& path);
std::optional<SimCallback> build_callback(const PaymentGatewaySimulator& simulator, const SimTransaction& transaction, const std::string& status,
                                          Money amount, bool forge);

}  // namespace kimonet::sim
