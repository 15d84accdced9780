#pragma once
// What a route handler sees: the parsed request and, after authentication, the principal.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "api/json_fields.hpp"

namespace kimonet::http {

// Who is calling: a staff user or a customer, with the union of their role permissions.
struct Principal {
    enum class Kind { User, Customer };
    Kind kind = Kind::User;
    std::int64_t id = 0;
    std::string username;  // a customer's username is their nomor layanan
    std::string name;
    std::string role;
    std::set<std::string> permissions;
    std::int64_t token_id = 0;
    // Someone else set this staff user's password: until they change it, the token may only
    // reach routes marked open_during_password_change (me, logout, change password).
    bool password_change_required = false;

    bool can(const std::string& permission) const { return permissions.contains(permission); }
    bool is_customer() const { return kind == Kind::Customer; }
    std::string_view kind_name() const { return kind == Kind::Customer ? "customer" : "user"; }
};

struct Request {
    std::string method;  // "GET", "POST", …
    std::string path;    // without the query string
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::map<std::string, std::string> params;   // from the route pattern, e.g. {id}
    std::string body;
    std::string client_ip;
    std::optional<Principal> principal;

    std::string header(const std::string& lower_name) const;
    std::string query_value(const std::string& name, const std::string& fallback = {}) const;
    // Path parameter as a positive id; 0 when it is not one.
    std::int64_t id_param(const std::string& name = "id") const;
    const Principal& who() const { return *principal; }
};

std::string url_decode(std::string_view text, bool plus_is_space = true);
std::map<std::string, std::string> parse_query_string(std::string_view text);

}  // namespace kimonet::http
