#pragma once
// Network control services: isolate / restore customers on their routers, retry what could
// not be applied, router tests and the isolation log. One function per feature, shared by the
// HTTP routes, the CLI and the scheduler.
//
// Consistency rule: customers.status is the *intended* state. When the router has it too, the
// isolation log says "applied"; when the router could not be reached (or refused), the same
// transaction that sets the status writes a 'pending' network_actions row, which
// process_pending_network_actions retries with exponential backoff until it is applied.
// Only the newest pending row of a customer counts; older ones are marked done as superseded.
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "network/router_control.hpp"
#include "routers/router.hpp"

namespace kimonet::services {

enum class NetworkAction { Isolate, Restore };
std::string_view to_string(NetworkAction action);

struct NetworkOutcome {
    std::int64_t customer_id = 0;
    std::int64_t router_id = 0;
    NetworkAction action = NetworkAction::Isolate;
    std::string result;  // "applied", "unchanged", "pending", "failed"
    std::string profile_before;
    std::string profile_after;
    int kicked = 0;
    std::string detail;  // the router's error when pending/failed
    std::optional<std::int64_t> pending_action_id;
};
api::Json to_json(const NetworkOutcome& outcome);

// Switches the customer to the router's isolir profile, kicks the session, verifies, logs.
Result<NetworkOutcome> isolate(app::Context& context, std::int64_t customer_id, const std::string& reason);
// Switches the customer back to the package profile, kicks, verifies, logs.
Result<NetworkOutcome> restore(app::Context& context, std::int64_t customer_id, const std::string& reason = {});

struct Intent {
    std::int64_t customer_id = 0;
    NetworkAction action = NetworkAction::Isolate;
    std::string reason;
    std::optional<std::int64_t> pending_action_id;  // set when retrying a network_actions row
    int attempts = 0;                               // attempts already made for that row
};
// Carries out many intents, pipelined per router. Intents that cannot be resolved (no router,
// unknown customer) come back with result "failed".
Result<std::vector<NetworkOutcome>> carry_out(app::Context& context, const std::vector<Intent>& intents);

struct PendingRun {
    int due = 0;
    int applied = 0;
    int still_pending = 0;
    int failed = 0;
    int superseded = 0;
};
// Retries every pending network action whose time has come (including restores that billing records
// and PPP secret pushes).
Result<PendingRun> process_pending_network_actions(app::Context& context, int limit = 1000);
// Seconds to wait before attempt number `attempts + 1`: 30 s doubling, capped at one hour.
std::int64_t retry_delay_seconds(int attempts);

// The router test (both RouterOS interfaces diagnosed) is services/router_test.hpp.
// The router with its password opened, for adapters.
Result<Router> router_with_password(app::Context& context, std::int64_t router_id);

Result<api::Json> isolation_log(store::Database& db, std::int64_t customer_id);

}  // namespace kimonet::services
