#pragma once
// Latitude and longitude typed into a form (a customer's, a router's; issue 21): "-6.9147" or
// "-6,9147", both or neither, latitude −90…90 and longitude −180…180, checked with the server's
// rules (shared/inventory) before anything is sent.
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"

namespace kimonet {

// {latitude, longitude} of the two texts (both null when empty or invalid); field errors to `errors`.
api::Json form_coordinates_json(const std::string& latitude, const std::string& longitude, FieldErrors& errors);

}  // namespace kimonet
