#pragma once
// Reading the gateways' JSON answers: shared by the three adapters.
#include <string>

#include "api/json_fields.hpp"

namespace kimonet::whatsapp {

// The first string among `names` in a JSON object ("" when none).
std::string first_string(const api::Json& object, std::initializer_list<const char*> names);
// A JSON flag that may come as true/false or "true"/"false"; `fallback` when absent or odd.
bool json_flag(const api::Json& object, const char* name, bool fallback = false);
// A refusal the gateway will repeat forever (bad number), as opposed to one that may pass later
// (bad token the admin will fix, device offline).
bool is_permanent_refusal(const std::string& reason);

}  // namespace kimonet::whatsapp
