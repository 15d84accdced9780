#include "http/router.hpp"

namespace kimonet::http {

void Router::add(Route route) { m_routes.push_back(std::move(route)); }

void Router::add(std::string method, std::string pattern, std::string permission, std::string summary, Handler handler) {
    Route route;
    route.method = std::move(method);
    route.pattern = std::move(pattern);
    route.access = Access::Permission;
    route.permission = std::move(permission);
    route.summary = std::move(summary);
    route.handler = std::move(handler);
    m_routes.push_back(std::move(route));
}

bool match_pattern(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
    // Every request tries the routes in order, twice (admission and dispatch): a pattern without
    // parameters is one comparison, and one with them is ruled out by its literal prefix first.
    const std::size_t first_parameter = pattern.find('{');
    if (first_parameter == std::string::npos) {
        if (pattern != path) return false;
        params.clear();
        return true;
    }
    if (path.compare(0, first_parameter, pattern, 0, first_parameter) != 0) return false;
    std::size_t p = 0, q = 0;
    std::map<std::string, std::string> found;
    while (p < pattern.size() && q <= path.size()) {
        if (pattern[p] == '{') {
            const auto close = pattern.find('}', p);
            const std::string name = pattern.substr(p + 1, close - p - 1);
            auto end = path.find('/', q);
            if (end == std::string::npos) end = path.size();
            if (end == q) return false;
            found[name] = url_decode(std::string_view(path).substr(q, end - q), false);
            p = close + 1;
            q = end;
        } else {
            if (q >= path.size() || pattern[p] != path[q]) return false;
            ++p;
            ++q;
        }
    }
    if (p != pattern.size() || q != path.size()) return false;
    params = std::move(found);
    return true;
}

RouteMatch Router::match(Request& request) const {
    RouteMatch result;
    for (const Route& route : m_routes) {
        std::map<std::string, std::string> params;
        if (!match_pattern(route.pattern, request.path, params)) continue;
        result.path_matched = true;
        if (route.method == request.method) {
            request.params = std::move(params);
            result.route = &route;
            return result;
        }
    }
    return result;
}

}  // namespace kimonet::http
