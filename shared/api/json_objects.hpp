#pragma once
// Reading nested objects of a JSON answer the other side wrote, never throwing (as json_fields.hpp's
// readers): the report DTOs' from_json read their sections and rows with these.
#include "api/json_fields.hpp"
#include "core/date.hpp"

namespace kimonet::api {

// The object under `key` (an empty object when absent or not an object).
inline const Json& json_object(const Json& object, const char* key) {
    static const Json empty = Json::object();
    if (!object.is_object()) return empty;
    auto found = object.find(key);
    return found != object.end() && found->is_object() ? *found : empty;
}

// The period "2026-01" under `key`, or Period{} when absent or malformed.
inline Period json_period(const Json& object, const char* key) {
    auto parsed = parse_period(json_string(object, key));
    return parsed ? *parsed : Period{};
}
// Calls `read` for every object of the array under `key` (nothing when absent or not an array).
template <typename Read>
void json_each_object(const Json& object, const char* key, Read read) {
    if (!object.is_object()) return;
    auto found = object.find(key);
    if (found == object.end() || !found->is_array()) return;
    for (const auto& element : *found)
        if (element.is_object()) read(element);
}

}  // namespace kimonet::api
