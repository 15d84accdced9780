#pragma once
// Keeping routers and the database in agreement: the drift reconciler (what each customer's
// PPP secret should have vs what the router has), the automatic isolir run, and importing
// a router's existing secrets and profiles.
#include <optional>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// Compares, per router (or only `router_id`), the profile each active/isolated customer should
// have with the router's secret, the ISOLIR address list of static/DHCP customers, and what the
// NAS applies to each online RADIUS customer's session (radius_drift.hpp). With `repair`,
// mismatched profiles are set (and sessions kicked), addresses listed or unlisted, and RADIUS
// sessions get a CoA / Disconnect-Request (at most radius_drift_max_per_run per call).
// Customers with a pending network action are reported as "pending" and left to the retry loop.
Result<api::Json> network_drift(app::Context& context, bool repair, std::optional<std::int64_t> router_id = std::nullopt);

struct AutoIsolateOptions {
    bool ignore_schedule_window = false;  // run even on Sundays/holidays/outside hours (CLI/API "now")
    bool dry_run = false;
    std::optional<int> cap;  // overrides isolir_max_per_run
};
// Isolates customers with unpaid invoices overdue past isolir_grace_days, honouring
// isolir_skip_sundays, isolir_holidays, isolir_hours and isolir_max_per_run.
Result<api::Json> auto_isolate(app::Context& context, const AutoIsolateOptions& options);

// Imports the router's PPP profiles as packages and its secrets as customers (those not yet
// known). With dry_run nothing is written; the report lists what would be created.
Result<api::Json> import_from_router(app::Context& context, std::int64_t router_id, bool dry_run);

}  // namespace kimonet::services
