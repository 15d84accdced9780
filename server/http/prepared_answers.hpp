#pragma once
// Answers a route already holds whole, as the bytes the transport would write (issue 23: the public
// bill check, whose kept answers cost a map of headers, a serialization and two copies each time,
// work /api/health's budget has no room for). The route registers a PreparedRoute for its method and
// path; the transport asks it first for every HTTP/1.1 keep-alive request to that path that has no
// Origin header (CORS adds headers that depend on it) and that its connection's bounds keep open,
// and writes the bytes it gives unchanged. When it gives none (not kept, not the plain shape, the
// rate limit on, anything unusual) the request goes the full way, as before.
//
// The promise a PreparedRoute makes: its bytes are exactly what dispatch and the transport would
// write for that same request. keep_alive_answer() builds them with the transport's own steps, and
// tests/server/payments/test_bill_check_cache.cpp compares the two byte for byte.
//
// The routes are registered against the Router they belong to and held weakly here (their route's
// handler owns them), so an App that is gone leaves nothing behind that could be called.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace kimonet::app { class App; }

namespace kimonet::http {

class Router;

struct PreparedRoute {
    std::string method;
    std::string path;  // an exact path (no parameters)
    // The whole answer to `request`, or null for the full way.
    std::function<std::shared_ptr<const std::string>(const Request& request)> answer;
};

// The bytes the server writes for `response`, the answer of a route to `request` (which has no
// Origin header), on an HTTP/1.1 keep-alive connection: dispatch's CORS headers, the security
// headers and the serialization, as the full way adds them (defined in http_server.cpp).
std::string keep_alive_answer(app::App& app, const Request& request, Response response);

namespace prepared_detail {

struct Registry {
    std::mutex mutex;
    std::map<const Router*, std::vector<std::weak_ptr<const PreparedRoute>>> routes;
};

inline Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace prepared_detail

// Registers `route` for `router` for as long as something else owns it.
inline void add_prepared_route(const Router& router, const std::shared_ptr<const PreparedRoute>& route) {
    auto& registry = prepared_detail::registry();
    std::lock_guard lock(registry.mutex);
    for (auto entry = registry.routes.begin(); entry != registry.routes.end();) {  // forget the routers that are gone
        std::erase_if(entry->second, [](const auto& weak) { return weak.expired(); });
        entry = entry->second.empty() ? registry.routes.erase(entry) : std::next(entry);
    }
    registry.routes[&router].push_back(route);
}

// The prepared routes of `router` that are alive now (the server takes them once, when it starts).
inline std::vector<std::shared_ptr<const PreparedRoute>> prepared_routes(const Router& router) {
    auto& registry = prepared_detail::registry();
    std::lock_guard lock(registry.mutex);
    std::vector<std::shared_ptr<const PreparedRoute>> alive;
    if (const auto found = registry.routes.find(&router); found != registry.routes.end())
        for (const auto& weak : found->second)
            if (auto route = weak.lock()) alive.push_back(std::move(route));
    return alive;
}

}  // namespace kimonet::http
