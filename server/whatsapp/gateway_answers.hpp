#pragma once
// Reading the gateways' JSON answers: shared by the adapters.
#include <string>

#include "api/json_fields.hpp"
#include "core/result.hpp"
#include "whatsapp/http_client.hpp"

namespace kimonet::whatsapp {

// The first string among `names` in a JSON object ("" when none).
std::string first_string(const api::Json& object, std::initializer_list<const char*> names);
// A JSON flag that may come as true/false or "true"/"false"; `fallback` when absent or odd.
bool json_flag(const api::Json& object, const char* name, bool fallback = false);
// A refusal the gateway will repeat forever (bad number), as opposed to one that may pass later
// (bad token the admin will fix, device offline).
bool is_permanent_refusal(const std::string& reason);
// A status call's answer: its JSON object when HTTP 200 brought one, else a BadGateway error saying
// what went wrong (transport, status, or not JSON).
Result<api::Json> json_object_answer(const HttpAnswer& answer);

}  // namespace kimonet::whatsapp
