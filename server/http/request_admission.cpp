#include "http/request_admission.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "app/app.hpp"
#include "http/dispatcher.hpp"

namespace kimonet::http {

namespace {

std::atomic<std::size_t> g_large_bodies{0};

bool take_from_budget(std::size_t bytes) {
    std::size_t used = g_large_bodies.load();
    do {
        if (used + bytes > kLargeBodyBudget) return false;
    } while (!g_large_bodies.compare_exchange_weak(used, used + bytes));
    return true;
}

}  // namespace

std::size_t large_bodies_in_flight() { return g_large_bodies.load(); }

std::size_t largest_body_limit(app::App& app) {
    std::size_t largest = kNoRouteMaxBody;
    for (const Route& route : app.router().routes()) largest = std::max(largest, route.max_body);
    return largest;
}

Admission admit_request(app::App& app, const Request& head) {
    // The table looks at the method and path only: the whole head is copied only for a large body's
    // authorisation below (every request copied all its headers here, allocations it did not need).
    Request probe;
    probe.method = head.method;
    probe.path = head.path;
    const RouteMatch match = app.router().match(probe);
    if (!match.route) return Admission{kNoRouteMaxBody, std::nullopt, nullptr};
    const Route& route = *match.route;
    Admission admission{route.max_body, std::nullopt, nullptr};
    const bool chunked = !head.header("transfer-encoding").empty();
    // The framer has validated Content-Length as plain digits.
    const std::size_t declared = chunked ? route.max_body : std::strtoull(head.header("content-length").c_str(), nullptr, 10);
    if (declared <= kLargeBody || declared > route.max_body) return admission;  // small, or a 413 anyway
    try {
        Request whole = head;
        whole.params = std::move(probe.params);
        if (auto allowed = authorize(app, route, whole); !allowed) {
            admission.refusal = error_response(allowed.error());
            return admission;
        }
    } catch (const std::exception&) {
        admission.refusal = error_response(make_error(ErrorCode::Internal, messages::kLargeBodyAuthorisationFailed));
        return admission;
    }
    if (!take_from_budget(declared)) {
        Response busy = error_response(make_error(ErrorCode::Unavailable, messages::kTooManyLargeUploads));
        busy.headers["Retry-After"] = "5";
        admission.refusal = std::move(busy);
        return admission;
    }
    admission.hold = std::shared_ptr<void>(nullptr, [declared](void*) { g_large_bodies -= declared; });
    return admission;
}

}  // namespace kimonet::http
