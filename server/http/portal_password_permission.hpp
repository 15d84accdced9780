#pragma once
// The portal password is its own permission: customers.create/update alone do not set it. Every
// route whose body may carry a customer's `password` (create, update, a registration converted
// into a customer) asks here first.
#include "core/result.hpp"
#include "http/request.hpp"
#include "api/json_fields.hpp"

namespace kimonet::http {

// 403 when `body` sets a non-empty `password` and the caller lacks customers.portal_password.
Result<void> check_portal_password_permission(const Request& request, const api::Json& body);

}  // namespace kimonet::http
