#include "http/router.hpp"

namespace kimonet::http {

void Router::add(Route route) {
    m_routes.push_back(std::move(route));
    index_last();
}

void Router::index_last() {
    const std::size_t position = m_routes.size() - 1;
    const std::string& pattern = m_routes[position].pattern;
    const std::size_t first_parameter = pattern.find('{');
    if (first_parameter == std::string::npos) {
        m_exact[pattern].push_back(position);
        return;
    }
    const std::size_t directory_end = pattern.rfind('/', first_parameter);
    m_patterned[pattern.substr(0, directory_end == std::string::npos ? 0 : directory_end + 1)].push_back(position);
}

void Router::add(std::string method, std::string pattern, std::string permission, std::string summary, Handler handler) {
    Route route;
    route.method = std::move(method);
    route.pattern = std::move(pattern);
    route.access = Access::Permission;
    route.permission = std::move(permission);
    route.summary = std::move(summary);
    route.handler = std::move(handler);
    add(std::move(route));
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
    // The first route in table order whose path and method match wins, as a walk of the table
    // would find it: the first exact route with this method, unless a route with parameters
    // registered before it matches too.
    RouteMatch result;
    std::size_t first_exact = m_routes.size();
    if (const auto found = m_exact.find(request.path); found != m_exact.end()) {
        result.path_matched = true;
        for (const std::size_t position : found->second) {
            if (m_routes[position].method != request.method) continue;
            first_exact = position;
            break;
        }
    }
    // The candidate lists of every '/'-ending prefix of the path, walked together in table order.
    std::vector<std::pair<const std::vector<std::size_t>*, std::size_t>> lists;
    const std::string_view path = request.path;
    if (const auto found = m_patterned.find(std::string_view()); found != m_patterned.end()) lists.emplace_back(&found->second, 0);
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
        if (const auto found = m_patterned.find(path.substr(0, slash + 1)); found != m_patterned.end()) lists.emplace_back(&found->second, 0);
    while (true) {
        auto next = lists.end();
        for (auto list = lists.begin(); list != lists.end(); ++list)
            if (list->second < list->first->size() && (next == lists.end() || (*list->first)[list->second] < (*next->first)[next->second])) next = list;
        if (next == lists.end()) break;
        const std::size_t position = (*next->first)[next->second++];
        if (position > first_exact) break;
        const Route& route = m_routes[position];
        std::map<std::string, std::string> params;
        if (!match_pattern(route.pattern, request.path, params)) continue;
        result.path_matched = true;
        if (route.method == request.method) {
            request.params = std::move(params);
            result.route = &route;
            return result;
        }
    }
    if (first_exact < m_routes.size()) {
        request.params.clear();
        result.route = &m_routes[first_exact];
    }
    return result;
}

}  // namespace kimonet::http
