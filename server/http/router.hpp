#pragma once
// The route table. Every route declares who may call it; the dispatcher checks that in
// one place before any handler runs, and the RBAC matrix test walks this same table.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace kimonet::http {

enum class Access {
    Public,         // no token needed (login, public bill check, callbacks)
    Authenticated,  // any valid token (me, logout)
    Permission,     // a valid token whose roles grant `permission`
};

using Handler = std::function<RouteResult(Request&)>;

struct Route {
    std::string method;
    std::string pattern;  // "/api/customers/{id}"
    Access access = Access::Permission;
    std::string permission;  // for Access::Permission
    std::string summary;     // for the OpenAPI document
    Handler handler;
    std::size_t max_body = 1 << 20;  // bytes; larger bodies get 413
    // Reachable by a token whose password must be changed first (otherwise 403 password_change_required).
    bool open_during_password_change = false;
};

struct RouteMatch {
    const Route* route = nullptr;
    bool path_matched = false;  // some route has this path, but not this method (405)
};

class Router {
public:
    void add(Route route);
    // Convenience for the common case.
    void add(std::string method, std::string pattern, std::string permission, std::string summary, Handler handler);
    RouteMatch match(Request& request) const;  // fills request.params
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
    // The same table indexed (positions in m_routes, in order): a path without parameters is
    // found by one hash lookup instead of a walk past every route registered before it.
    // A path with parameters is looked for only among the routes whose literal directory (the
    // pattern up to the last '/' before its first '{') is a '/'-ending prefix of the path: a
    // parameter never spans a '/', so no other route can match. /billing/check used to compare
    // itself with every patterned route registered before the payment routes, twice a request.
    struct TransparentHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, std::vector<std::size_t>> m_exact;
    std::unordered_map<std::string, std::vector<std::size_t>, TransparentHash, std::equal_to<>> m_patterned;
    void index_last();
};

bool match_pattern(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params);

}  // namespace kimonet::http
