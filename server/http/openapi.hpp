#pragma once
// Builds the OpenAPI 3 document from the route table itself, so it cannot drift.
#include "api/json_fields.hpp"
#include "http/router.hpp"

namespace kimonet::http {

api::Json openapi_document(const Router& router);

}  // namespace kimonet::http
