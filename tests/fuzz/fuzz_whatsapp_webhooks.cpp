// libFuzzer target for the inbound WhatsApp webhook bodies (Fonnte JSON or form, go-whatsapp-web-
// multidevice JSON) and the gowa signature check (HMAC-SHA256 of the raw body, X-Hub-Signature-256).
// The bodies are public input: parsing must answer or refuse, never crash or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "security/crypto.hpp"
#include "whatsapp/webhook_payloads.hpp"
#include "fuzz_must.hpp"

using namespace kimonet;
using kimonet::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto fonnte = whatsapp::parse_fonnte_webhook(body);
    must(fonnte.from.size() <= body.size() && fonnte.text.size() <= body.size());
    auto gowa = whatsapp::parse_gowa_webhook(body);
    if (gowa && gowa->ignored) must(gowa->message.from.empty() && gowa->message.text.empty());
    // The route's signature check on this body: only the exact HMAC passes.
    const std::string expected = "sha256=" + security::hmac_sha256_hex("webhook-secret", body);
    must(security::constant_time_equals(expected, expected));
    must(!security::constant_time_equals(std::string(body.substr(0, 71)), expected) || body.substr(0, 71) == expected);
    return 0;
}
