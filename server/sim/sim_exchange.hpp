#pragma once
// One HTTP request inside a simulator and the answer its handler builds, as the payment-gateway and
// WhatsApp simulators' handlers take it (each simulator names it `Exchange`, see
// gateways/gateway_simulator_exchange.hpp and whatsapp/simulator_exchange.hpp).
#include <map>
#include <string>
#include <utility>

#include "sim/sim_http.hpp"
#include "sim/sim_json.hpp"

namespace kimonet::sim {

struct SimExchange {
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
    // The request in, and the answer out, of the simulator's HttpServer.
    void take(const HttpRequest& request) {
        method = request.method;
        path = request.path;
        query = request.query;
        headers = request.headers;
        body = request.body;
    }
    void give(HttpResponse& response) {
        response.status = status;
        response.content_type = content_type;
        response.body = std::move(answer);
    }
};

}  // namespace kimonet::sim
