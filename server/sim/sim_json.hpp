#pragma once
// JSON for the simulators: nlohmann::json directly (a library, not our api/ helpers), read the
// way a gateway's own parser would: a body that is not JSON is simply not an object.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace kimonet::sim {

using Json = nlohmann::json;

// The parsed document, or a discarded value (is_object() false) when `text` is not JSON.
inline Json parse_json_or_nothing(std::string_view text) { return Json::parse(text.begin(), text.end(), nullptr, false); }

// A field as the text a PHP/Java gateway would see: strings as they are, numbers without quotes,
// anything else (missing, null, objects) empty.
inline std::string field_text(const Json& object, const std::string& name) {
    if (!object.is_object()) return {};
    const auto found = object.find(name);
    if (found == object.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number() || found->is_boolean()) return found->dump();
    return {};
}

}  // namespace kimonet::sim
