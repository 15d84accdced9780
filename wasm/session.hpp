#pragma once
// Who is signed in, and what they may do. The server enforces permissions; the app only hides
// what the user cannot use.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "core/date.hpp"

namespace kimonet {

struct SessionUser {
    std::int64_t id = 0;
    std::string username;
    std::string name;
    std::string role;
    std::vector<std::string> permissions;
    std::optional<std::int64_t> customer_id;
    std::string company;  // the ISP's name (company_name), printed on receipts and invoices
    // The ISP's time zone (the `timezone` setting, else KIMONET_TZ): dates and times are shown in it.
    UtcOffset time_zone;
    // The role demands two-factor sign-in and this account has not set it up: only Keamanan akun.
    bool two_factor_enrollment_required = false;
    // Someone else set this password (a new account, a staff reset): the server allows only
    // /api/me, logout and POST /api/auth/password until it is changed; the login screen asks for it.
    bool password_change_required = false;

    bool can(std::string_view permission) const;
    bool is_customer() const { return customer_id.has_value() || role == "customer"; }
};

// Reads the "user" object of /api/auth/login and /api/me; nullopt when it is not one.
std::optional<SessionUser> session_user_from_json(const api::Json& user);

}  // namespace kimonet
