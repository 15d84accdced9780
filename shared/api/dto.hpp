#pragma once
// JSON shapes of the admin API (English snake_case), shared by the server and the browser app.
// Parsers apply the fields present in `json` over `base` (create: defaults; update: the stored
// record), then validate with the domain rules; all problems come back together as 422 fields.
#include "api/json_fields.hpp"
#include "core/result.hpp"
#include "customers/customer.hpp"
#include "packages/package.hpp"
#include "routers/router.hpp"

namespace kimonet::api {

Json to_json(const Customer& customer);
Json to_json(const Package& package);
Json to_json(const Router& router);  // never includes the password; has "has_password"

Result<Customer> customer_from_json(const Json& json, Customer base);
Result<Package> package_from_json(const Json& json, Package base);
// On update an absent or empty password keeps the stored one.
Result<Router> router_from_json(const Json& json, Router base, bool password_required);

// Parses `{"success":true,"data":[...]}` lists on the client side.
Result<std::vector<Customer>> customers_from_list(const Json& json);
Result<std::vector<Package>> packages_from_list(const Json& json);

}  // namespace kimonet::api
