#pragma once
// The settings that point a test server at a running payment-gateway simulator: every gateway
// enabled with the simulator's own keys, callbacks back to the server. Shared by the payment tests
// and the callback-tampering tests, so both exercise the same configuration.
#include <map>
#include <string>

#include <boost/test/unit_test.hpp>

#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/test_server_support.hpp"

namespace kimonet::testing {

inline std::map<std::string, std::string> gateway_simulator_settings(const sim::PaymentGatewaySimulator& simulator,
                                                                     const std::string& callback_base) {
    const auto& options = simulator.options();
    return {{"flip_enabled", "1"},
            {"flip_base_url", simulator.gateway_url("flip")},
            {"flip_secret_key", options.flip_secret_key},
            {"flip_validation_token", options.flip_validation_token},
            {"midtrans_enabled", "1"},
            {"midtrans_base_url", simulator.gateway_url("midtrans")},
            {"midtrans_server_key", options.midtrans_server_key},
            {"duitku_enabled", "1"},
            {"duitku_base_url", simulator.gateway_url("duitku")},
            {"duitku_merchant_code", options.duitku_merchant_code},
            {"duitku_api_key", options.duitku_api_key},
            {"payment_callback_base_url", callback_base},
            {"payment_gateway_timeout_seconds", "2"}};
}

// Stores `values` in the server's settings as the system would (validated like any update); the
// test stops when one is refused.
inline void apply_settings(TestServer& server, const std::map<std::string, std::string>& values) {
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    auto updated = services::update_settings(context, values);
    BOOST_TEST_REQUIRE(updated.ok(), (updated ? "" : updated.error().message()));
}

}  // namespace kimonet::testing
