#include "session.hpp"

#include <algorithm>

namespace kimonet {

bool SessionUser::can(std::string_view permission) const {
    return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
}

std::optional<SessionUser> session_user_from_json(const api::Json& user) {
    if (!user.is_object()) return std::nullopt;
    SessionUser out;
    api::FieldReader reader(user);
    reader.read("id", out.id);
    reader.read("username", out.username);
    reader.read("name", out.name);
    reader.read("role", out.role);
    reader.read("customer_id", out.customer_id);
    if (user.contains("company")) reader.read("company", out.company);
    // A server before time zones said none: WIB, what it used.
    if (auto zone = user.find("time_zone"); zone != user.end() && zone->is_string())
        if (auto offset = parse_utc_offset(zone->get<std::string>())) out.time_zone = *offset;
    if (user.contains("two_factor_enrollment_required")) reader.read("two_factor_enrollment_required", out.two_factor_enrollment_required);
    if (user.contains("password_change_required")) reader.read("password_change_required", out.password_change_required);
    if (auto permissions = user.find("permissions"); permissions != user.end() && permissions->is_array())
        for (const auto& permission : *permissions)
            if (permission.is_string()) out.permissions.push_back(permission.get<std::string>());
    if (!reader.ok() || out.username.empty()) return std::nullopt;
    if (out.name.empty()) out.name = out.username;
    return out;
}

}  // namespace kimonet
