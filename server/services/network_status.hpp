#pragma once
// The public network status: each router's last known reachability (recorded by the router
// probe and by every router test, never measured on a public request) and the incidents an
// admin posts ("gangguan di area X, perkiraan pulih 14:00").
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// "YYYY-MM-DD HH:MM" at `offset`, and back ("2026-01-15 14:00", "2026-01-15T14:00" or with seconds).
std::string local_time_text(std::int64_t unix_seconds, UtcOffset offset);
std::optional<std::int64_t> parse_local_time_text(std::string_view text, UtcOffset offset);

// Stores the outcome of one connection attempt to a router; `changed_at` moves only when the
// reachability flips.
Result<void> record_router_reachability(store::Database& db, std::int64_t router_id, bool reachable, const std::string& detail,
                                        std::int64_t now);
// Connects to every router once (the RouterOS connectivity test) and records the outcome.
// Returns how many routers are reachable.
Result<int> probe_routers(app::Context& context);

// {"overall": "normal"|"gangguan", "routers": [{name, status up|down|unknown, since, checked_at}],
//  "incidents": [open incidents]}. No hosts, ports or credentials.
Result<api::Json> public_network_status(store::Database& db, UtcOffset offset);

// {"message", "router_id"?, "expected_recovery_at"? (unix seconds or local "YYYY-MM-DD HH:MM")}
Result<api::Json> create_incident(app::Context& context, const api::Json& input);
// Changes message / expected recovery, or {"resolved": true} closes it.
Result<api::Json> update_incident(app::Context& context, std::int64_t id, const api::Json& changes);
// Newest first; open only unless `include_resolved`.
Result<api::Json> list_incidents(store::Database& db, UtcOffset offset, bool include_resolved);

}  // namespace kimonet::services
