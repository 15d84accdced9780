#pragma once
// Decides, from a request's head alone, how much body the transport may take for it: the
// matched route's max_body (a small fixed amount where no route matches). A large body is
// taken only from a caller the route admits (token checked first) and within a process-wide
// memory budget, so parallel uploads cannot exhaust memory before any handler runs.
#include <cstddef>

#include "http/request_framer.hpp"

namespace kimonet::app { class App; }

namespace kimonet::http {

// Bodies for paths without a route (static files, 404, 405) need nothing; this is generous.
inline constexpr std::size_t kNoRouteMaxBody = 64 << 10;
// Bodies larger than this are checked against the caller's token and the shared budget. Every
// route takes up to 1 MB by default, and no public route needs more than this: without the check
// an outsider's 1,024 connections could each hold a megabyte waiting for a token that is never there.
inline constexpr std::size_t kLargeBody = 64 << 10;
// All large bodies being received or handled at once, together, stay under this: four
// imports of the largest size; more at the same moment are answered 503 with Retry-After.
inline constexpr std::size_t kLargeBodyBudget = 64u << 20;

Admission admit_request(app::App& app, const Request& head);
// The largest max_body of any route (the transport needs no more).
std::size_t largest_body_limit(app::App& app);
// Bytes of large bodies currently admitted (for tests).
std::size_t large_bodies_in_flight();

}  // namespace kimonet::http
