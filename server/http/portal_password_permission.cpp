#include "http/portal_password_permission.hpp"

#include "core/error_messages.hpp"

namespace kimonet::http {

Result<void> check_portal_password_permission(const Request& request, const api::Json& body) {
    if (!body.is_object()) return {};
    auto it = body.find("password");
    if (it == body.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty())) return {};
    if (request.who().can("customers.portal_password")) return {};
    return make_error(ErrorCode::Forbidden, messages::kPortalPasswordPermission);
}

}  // namespace kimonet::http
