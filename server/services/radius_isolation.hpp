#pragma once
// Isolation and restore of RADIUS customers. The customer's status (set by network_service in
// the same transaction as its log) already changes what FreeRADIUS answers; this makes the change
// reach a session that is up, at once, by RFC 5176 Dynamic Authorization to the customer's NAS:
// a Disconnect-Request when the address pool changes (the customer dials again into the isolir
// pool, or back out of it), otherwise a CoA-Request with the new Mikrotik-Rate-Limit.
// An ACK is applied; a NAK with Error-Cause 503 (Session-Context-Not-Found) is applied too (no
// session is up: the next login gets the new answer); any other NAK or no answer after the
// retries leaves the action pending for the network worker's retry, like an unreachable router.
// Every answer is recorded on the customer's open sessions (what the NAS applies: the drift check,
// services/radius_drift.hpp). The requests go out through the App's dynamic_authorization port.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "customers/customer.hpp"
#include "network/radius_reply.hpp"
#include "routers/router.hpp"

namespace kimonet::services {

struct RadiusChange {
    Customer customer;
    bool isolate = false;
    bool rate_only = false;  // the state stays, only the rate limit changes: a CoA-Request whatever the pool policy
};

struct RadiusChangeResult {
    bool ok = false;
    bool unanswered = false;  // the NAS answered nothing (all tries timed out)
    std::string sent;    // "Disconnect-Request" / "CoA-Request Mikrotik-Rate-Limit=…" (the log's profile_after)
    std::string detail;  // the NAS's answer in words
};

Result<std::vector<RadiusChangeResult>> apply_radius_changes(app::Context& context, const Router& router, const std::vector<RadiusChange>& changes);

// The isolir pool and rate limit the radius_isolir_* settings give.
Result<network::RadiusIsolirPolicy> radius_isolir_policy(store::Database& db);
// The Mikrotik-Rate-Limit FreeRADIUS answers a customer in this state with this package's speeds.
std::string radius_expected_rate_limit(bool isolated, std::int64_t upload_kbps, std::int64_t download_kbps, const network::RadiusIsolirPolicy& policy);

}  // namespace kimonet::services
