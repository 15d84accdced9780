#pragma once
// The drift check for RADIUS customers (issue 19), the twin of address_drift for the NAS side:
// for each online RADIUS customer of a router, what the NAS applies to the newest open session
// (recorded from the Access-Accept FreeRADIUS was answered with and from every CoA / Disconnect
// answer, store/radius_store.hpp) against what billing says (isolated or not, the package's or
// the isolir Mikrotik-Rate-Limit). With `repair` each drifted session gets the request the
// isolation code would send (services/radius_isolation.hpp), verified by the NAS's ACK and
// logged like the other drift repairs (isolation_log "repair"/"drift", activity "network.sync").
//
// Kinds: session_not_isolated (isolated, the session still normal), session_still_isolated (the
// reverse), rate_limit_mismatch (right state, another rate limit: the package changed), and
// coa_not_acknowledged (what the session applies is not known and the last request got a NAK or no
// answer). A pending isolate/restore does not stop the repair (a CoA repeats harmlessly); its ACK
// completes that action. Sessions whose state is not known and got no failed request are left
// alone (sessions that started before the check existed; their next login records it).
#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "routers/router.hpp"

namespace kimonet::services {

// Appends the router's RADIUS drift to entry["drift"] and adds to entry["checked"]. With `repair`,
// sends at most `budget` requests (decremented; the longest-unrepaired first, so a NAS that keeps
// refusing one customer does not starve the others) and stops early when the NAS answers nothing
// three times in a row. Returns how many were repaired.
Result<int> radius_session_drift(app::Context& context, const Router& router, bool repair, int& budget, api::Json& entry);

}  // namespace kimonet::services
