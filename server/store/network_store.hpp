#pragma once
// Network control in the store: the network_actions queue (isolate / restore / push_secret), the
// isolation log, router reachability and incidents, the drift-reconcile reads, and the few reads
// of customers and invoices that network control and the isolir page need.
// Functions that write assume the caller holds the transaction (services open it with
// Database::transaction). Times are Unix seconds from the Clock, passed in; never the database's "now".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// ---- network_actions ----------------------------------------------------------------------------

struct NewNetworkAction {
    std::int64_t customer_id = 0;
    std::string action;  // "isolate", "restore", "push_secret"
    std::string reason;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> router_id;
    int attempts = 0;
    std::int64_t next_attempt_at = 0;
    std::string last_error;
    std::string requested_by;
};
// Inserts a pending action; gives its id.
Result<std::int64_t> insert_network_action(Database& db, const NewNetworkAction& action);

// The id of the customer's newest pending isolate/restore row, 0 when there is none.
Result<std::int64_t> newest_pending_isolation_id(Database& db, std::int64_t customer_id);

// Ends the customer's pending isolate/restore rows with id <= max_id (except `keep_id` when not 0) as
// done: the row `own_id` gets `result`, the others "superseded".
Result<void> supersede_isolation_actions(Database& db, std::int64_t customer_id, std::int64_t own_id, const std::string& result,
                                         std::int64_t max_id, std::int64_t keep_id, std::int64_t now);

// One more failed attempt: the retry clock moves to `next_attempt_at`. With `only_pending`, a row
// that is no longer pending is left alone.
Result<void> reschedule_network_action(Database& db, std::int64_t id, std::int64_t next_attempt_at, const std::string& last_error,
                                       std::optional<std::int64_t> router_id, bool only_pending);

// Closes a pending row: status "done" or "failed", with its result (and last error, router when given).
Result<void> finish_network_action(Database& db, std::int64_t id, const std::string& status, std::int64_t now, const std::string& result,
                                   const std::string& last_error, std::optional<std::int64_t> router_id);
// Closes a row as failed whatever its state, with the reason as result.
Result<void> fail_network_action(Database& db, std::int64_t id, std::int64_t now, const std::string& result);

// The customer's pending push_secret rows become "superseded".
Result<void> supersede_secret_pushes(Database& db, std::int64_t customer_id, std::int64_t now);

Result<bool> any_pending_network_action(Database& db);
// Every pending row but the newest of its customer (push_secret and isolate/restore counted apart)
// becomes "superseded"; gives how many.
Result<int> supersede_stale_network_actions(Database& db, std::int64_t now);

struct DueNetworkAction {
    std::int64_t id = 0;
    std::int64_t customer_id = 0;
    std::string action;
    std::string reason;
    int attempts = 0;
};
// Pending rows whose retry time has come, oldest first, taken by this server. On PostgreSQL (N
// servers) each is leased until `lease_until` (FOR UPDATE SKIP LOCKED): no other server takes it
// before that, and a row whose lease ran out (its server died) is due again. On SQLite (one
// process) a plain read. Finishing or rescheduling a row ends its lease.
Result<std::vector<DueNetworkAction>> claim_due_network_actions(Database& db, std::int64_t now, std::int64_t lease_until, int limit);

// ---- customers (network side) -------------------------------------------------------------------

// Sets an active/isolated customer's status (a customer in any other status is left alone).
Result<void> set_customer_network_status(Database& db, std::int64_t customer_id, const std::string& status, std::int64_t now);

struct PppoeCustomer {
    std::int64_t id = 0;
    std::string name, service_number, status;
};
Result<std::optional<PppoeCustomer>> find_customer_by_pppoe(Database& db, const std::string& pppoe_username);
// The static-IP and DHCP customers (any router) with this address: at most `limit` of them.
Result<std::vector<PppoeCustomer>> find_customers_by_address(Database& db, const std::string& ip_address, int limit);
Result<std::vector<std::string>> pppoe_usernames_on_router(Database& db, std::int64_t router_id);

// ---- isolation_log -------------------------------------------------------------------------------

struct IsolationLogEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::int64_t customer_id = 0;
    std::int64_t router_id = 0;
    std::string router_name;  // read only
    std::string action, reason, result, profile_before, profile_after, detail;
    std::string actor_type;
    std::optional<std::int64_t> actor_id;
    std::string actor_name;
};
// Gives the new row's id.
Result<std::int64_t> insert_isolation_log(Database& db, const IsolationLogEntry& entry);
// The customer's newest 200 entries, newest first, with the router's name ("" when it is gone).
Result<std::vector<IsolationLogEntry>> list_isolation_log(Database& db, std::int64_t customer_id);

// ---- open invoices as network control shows them --------------------------------------------------

struct OpenInvoiceSummary {
    std::string invoice_no, period, due_date;
    std::int64_t outstanding = 0;
};
// The customer's unpaid/partial invoices, earliest due first (`limit` 0 = all).
Result<std::vector<OpenInvoiceSummary>> open_invoice_summaries(Database& db, std::int64_t customer_id, int limit = 0);
// Whether the invoices table exists with the columns isolation needs (a database that never ran
// the billing migrations has none). Portable: a failed prepare/step means "no".
bool invoices_table_ready(Database& db);

// ---- drift reconcile and automatic isolation ------------------------------------------------------

struct ExpectedProfileRow {
    std::int64_t customer_id = 0;
    std::string service_number, pppoe_username, status, package_profile;
    bool pending = false;  // a network action of the customer is still pending
};
// Active/isolated customers of the router that have a PPPoE user, by id.
Result<std::vector<ExpectedProfileRow>> expected_profile_rows(Database& db, std::int64_t router_id);

struct ExpectedAddressRow {
    std::int64_t customer_id = 0;
    std::string service_number, status, ip_address, mac_address, connection_method;
    bool pending = false;  // a network action of the customer is still pending
};
// Active/isolated static-IP and DHCP customers of the router that have an IP address, by id.
Result<std::vector<ExpectedAddressRow>> expected_address_rows(Database& db, std::int64_t router_id);

struct OverdueCustomer {
    std::int64_t customer_id = 0;
    std::string first_due_date;
};
// Active customers on a router with an open invoice due before `due_before` and created at or
// before `created_until`, earliest due first, at most `cap`.
Result<std::vector<OverdueCustomer>> overdue_customers(Database& db, const std::string& due_before, std::int64_t created_until, int cap);

// ---- router reachability and incidents -----------------------------------------------------------

Result<void> upsert_router_reachability(Database& db, std::int64_t router_id, bool reachable, const std::string& detail, std::int64_t now);

struct RouterReachabilityRow {
    std::string name;
    std::optional<bool> reachable;  // empty: never probed
    std::int64_t changed_at = 0, checked_at = 0;
};
// Every router by name, with its last probe.
Result<std::vector<RouterReachabilityRow>> list_router_reachability(Database& db);

Result<bool> router_exists(Database& db, std::int64_t router_id);

struct IncidentRow {
    std::int64_t id = 0;
    std::string message;
    std::optional<std::int64_t> router_id;
    std::string router_name;  // read only
    std::optional<std::int64_t> expected_recovery_at;
    bool resolved = false;
    std::optional<std::int64_t> resolved_at;
    std::string created_by;
    std::int64_t created_at = 0;
};
Result<std::optional<IncidentRow>> find_incident(Database& db, std::int64_t id);
// Newest first, at most 200.
Result<std::vector<IncidentRow>> list_incident_rows(Database& db, bool include_resolved);
// resolved_at is `now` when the incident is created resolved.
Result<std::int64_t> insert_incident(Database& db, const IncidentRow& incident, std::int64_t now);
// resolved_at: cleared when unresolved, kept when already set, else `now`.
Result<void> update_incident_row(Database& db, const IncidentRow& incident, std::int64_t now);

// ---- settings read by network and gateway code ---------------------------------------------------

// Whether the setting holds a non-empty value (a secret's presence, without reading it).
Result<bool> setting_has_value(Database& db, const std::string& key);

}  // namespace kimonet::store
