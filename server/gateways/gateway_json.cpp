// json_string on its own, so the callback parser links without the HTTP adapters (the clang fuzz
// tree builds gateway_callbacks.cpp with only this, the signatures and crypto).
#include "gateways/gateway_http.hpp"

namespace kimonet::gateways {

std::string json_string(const api::Json& object, const char* name) {
    if (!object.is_object()) return {};
    auto found = object.find(name);
    if (found == object.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    // Unsigned first: a number above INT64_MAX read as int64 would wrap to a negative amount.
    if (found->is_number_unsigned()) return std::to_string(found->get<std::uint64_t>());
    if (found->is_number_integer()) return std::to_string(found->get<std::int64_t>());
    if (found->is_number()) return found->dump();
    return {};
}

}  // namespace kimonet::gateways
