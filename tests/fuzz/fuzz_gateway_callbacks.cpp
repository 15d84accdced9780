// libFuzzer target for the payment gateways' callback parsers (verify_callback: Flip form body with
// a JSON `data` and a token, Midtrans JSON with a SHA-512 signature_key, Duitku form or JSON with an
// MD5 signature). The first byte picks the gateway, the rest is the body. Parsing only: no database.
// Whatever is accepted must carry what the payment path relies on (an order id or bill reference).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gateways/gateway_callbacks.hpp"
#include "gateways/gateway_signatures.hpp"
#include "fuzz_must.hpp"

using namespace kimonet;
using kimonet::fuzz::must;
using namespace kimonet::gateways;

namespace {

GatewayConfig config_for(std::uint8_t selector) {
    GatewayConfig config;
    config.enabled = true;
    switch (selector % 3) {
        case 0:
            config.name = "flip";
            config.validation_token = "$2y$13$flipValidationTokenForFuzzing";
            break;
        case 1:
            config.name = "midtrans";
            config.key = "SB-Mid-server-fuzzing-key";
            break;
        default:
            config.name = "duitku";
            config.key = "duitku-api-key-fuzzing";
            config.merchant_code = "DS12345";
            break;
    }
    return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const GatewayConfig config = config_for(data[0]);
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    auto event = verify_callback(config, body);
    if (event) {
        if (config.name == "flip") must(!event->reference.empty());
        else must(!event->order_id.empty() && !event->amount_text.empty());
        if (event->amount) must(*event->amount >= 0);
    }
    // The signature checks on their own, with the body split into fields at NULs.
    const auto first = body.find('\0');
    const std::string_view a = body.substr(0, first);
    const std::string_view b = first == std::string_view::npos ? std::string_view() : body.substr(first + 1);
    (void)midtrans_signature_valid(a, "200", b, config.key, b);
    (void)duitku_callback_valid(a, b, a, config.key, b);
    (void)flip_token_valid(a, b);
    must(!flip_token_valid("", b));
    return 0;
}
