#pragma once
// Isolation and restore of RADIUS customers. The customer's status (set by network_service in
// the same transaction as its log) already changes what FreeRADIUS answers; this makes the change
// reach a session that is up, at once, by RFC 5176 Dynamic Authorization to the customer's NAS:
// a Disconnect-Request when the address pool changes (the customer dials again into the isolir
// pool, or back out of it), otherwise a CoA-Request with the new Mikrotik-Rate-Limit.
// An ACK is applied; a NAK with Error-Cause 503 (Session-Context-Not-Found) is applied too (no
// session is up: the next login gets the new answer); any other NAK or no answer after the
// retries leaves the action pending for the network worker's retry, like an unreachable router.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "customers/customer.hpp"
#include "routers/router.hpp"

namespace kimonet::services {

struct RadiusChange {
    Customer customer;
    bool isolate = false;
};

struct RadiusChangeResult {
    bool ok = false;
    std::string sent;    // "Disconnect-Request" / "CoA-Request Mikrotik-Rate-Limit=…" (the log's profile_after)
    std::string detail;  // the NAS's answer in words
};

Result<std::vector<RadiusChangeResult>> apply_radius_changes(app::Context& context, const Router& router, const std::vector<RadiusChange>& changes);

}  // namespace kimonet::services
