#pragma once
// RADIUS in the store: each router's NAS settings (CoA port, sealed shared secret), the
// accounting sessions FreeRADIUS forwards and the monthly usage they add up to, and the reads the
// authorize answer needs. Writes assume the caller holds the transaction; times are Unix seconds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "security/secret_box.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct RadiusNas {
    std::int64_t router_id = 0;
    std::string router_name;
    std::string router_host;
    std::string nas_address;  // empty = router_host
    int coa_port = 3799;
    bool has_secret = false;
    std::string secret;  // opened only when a SecretBox is given
    std::string connection_methods = "pppoe,static,dhcp,radius";  // what the router offers its customers
};
Result<std::optional<RadiusNas>> find_radius_nas(Database& db, std::int64_t router_id, const security::SecretBox* secrets);
// Every router with a RADIUS secret (the clients FreeRADIUS accepts), secrets opened.
Result<std::vector<RadiusNas>> list_radius_clients(Database& db, const security::SecretBox& secrets);
// `sealed_secret` empty keeps the stored secret.
Result<void> upsert_radius_nas(Database& db, std::int64_t router_id, const std::string& nas_address, int coa_port,
                               const std::string& sealed_secret, const std::string& connection_methods, std::int64_t now);
// How many customers of the router (not terminated) use each connection method.
Result<std::vector<std::pair<std::string, std::int64_t>>> router_method_counts(Database& db, std::int64_t router_id);

// What FreeRADIUS needs to answer one user name.
struct RadiusSubscriber {
    std::int64_t customer_id = 0;
    std::string status;
    std::string sealed_password;  // empty when none is stored
    std::int64_t download_kbps = 0;
    std::int64_t upload_kbps = 0;
    std::string ip_address;
    std::optional<std::int64_t> router_id;
};
// The RADIUS customer with this PPPoE user name, if any.
Result<std::optional<RadiusSubscriber>> find_radius_subscriber(Database& db, const std::string& username);

// ---- accounting -------------------------------------------------------------------------------

struct AccountingRecord {
    std::string nas_address;
    std::string acct_session_id;
    std::int64_t customer_id = 0;
    std::string username;
    std::string framed_ip;
    std::int64_t session_seconds = 0;
    std::int64_t upload_bytes = 0;    // Acct-Input-Octets + 2^32 * Acct-Input-Gigawords (from the customer)
    std::int64_t download_bytes = 0;  // Acct-Output-Octets + 2^32 * Acct-Output-Gigawords (to the customer)
    bool stop = false;
    std::string terminate_cause;
};
struct AccountingDelta {
    bool inserted = false;
    std::int64_t upload_added = 0;
    std::int64_t download_added = 0;
    bool changed = false;
};
// Creates the session on first sight; afterwards counters and times only move forward (a
// replayed or older packet changes nothing) and a stopped session stays stopped.
Result<AccountingDelta> apply_accounting(Database& db, const AccountingRecord& record, std::int64_t now);
Result<void> add_radius_usage(Database& db, std::int64_t customer_id, const std::string& period, std::int64_t upload, std::int64_t download);
// Stopped sessions older than `before` are dropped (the table stays bounded).
Result<void> prune_radius_sessions(Database& db, std::int64_t customer_id, std::int64_t before);

struct RadiusSessionRow {
    std::string nas_address;
    std::string acct_session_id;
    std::string username;
    std::string framed_ip;
    std::int64_t started_at = 0;
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> stopped_at;
    std::int64_t session_seconds = 0;
    std::int64_t upload_bytes = 0;
    std::int64_t download_bytes = 0;
    std::string terminate_cause;
    std::string applied_state;  // what the NAS applies: "normal", "isolated", "" = not known
    std::string applied_rate_limit;
    std::string applied_by;     // "access-accept", "coa", "disconnect"
    std::string coa_result;     // the last CoA / Disconnect answer: "", "ack", "nak", "timeout", "error"
    std::string coa_detail;
};
// The customer's open sessions (no Stop yet), newest first.
Result<std::vector<RadiusSessionRow>> open_radius_sessions(Database& db, std::int64_t customer_id);
// The customer's newest session, open or closed.
Result<std::optional<RadiusSessionRow>> last_radius_session(Database& db, std::int64_t customer_id);
// {upload, download} bytes of the customer in `period`.
Result<std::pair<std::int64_t, std::int64_t>> radius_usage(Database& db, std::int64_t customer_id, const std::string& period);

// ---- what the NAS applies to a session (the drift check) -------------------------------------

// What FreeRADIUS was last told to answer for the customer (Access-Accept): "normal" or
// "isolated" and the Mikrotik-Rate-Limit. Most logins repeat the stored answer: ask first.
Result<bool> radius_accept_differs(Database& db, std::int64_t customer_id, const std::string& state, const std::string& rate_limit);
Result<void> record_radius_accept(Database& db, std::int64_t customer_id, const std::string& state, const std::string& rate_limit, std::int64_t now);

// A NAS's answer to a CoA / Disconnect-Request for the customer's open sessions at `nas_address`.
struct RadiusCoaOutcome {
    bool applied = false;     // ACK (or no such session on the NAS): `state` and `rate_limit` now hold
    std::string result;       // "ack", "nak", "timeout" or "error"
    std::string state;        // "normal" / "isolated"
    std::string rate_limit;
    std::string applied_by;   // "coa" / "disconnect"
    std::string detail;       // the answer in words
};
Result<void> record_radius_coa(Database& db, std::int64_t customer_id, const std::string& nas_address, const RadiusCoaOutcome& outcome,
                               std::int64_t now);

// An online RADIUS customer of a router (active or isolated, with an open session) and what its
// newest open session has applied.
struct RadiusOnlineRow {
    std::int64_t customer_id = 0;
    std::string service_number;
    std::string username;
    std::string status;
    std::int64_t package_id = 0;
    std::int64_t upload_kbps = 0;
    std::int64_t download_kbps = 0;
    std::string ip_address;
    std::string nas_address;
    std::string acct_session_id;
    std::string applied_state;  // "" = not known
    std::string applied_rate_limit;
    std::string coa_result;     // "", "ack", "nak", "timeout", "error"
    std::string coa_detail;
    std::int64_t coa_at = 0;    // 0 = never
    bool pending = false;       // an isolate / restore is waiting for the network worker
};
// One row per customer (the newest open session), by customer id.
Result<std::vector<RadiusOnlineRow>> radius_online_rows(Database& db, std::int64_t router_id);

// The customer's pending `action` ("isolate" / "restore") rows end done (result "applied"): a drift
// repair carried them out.
Result<void> complete_pending_radius_actions(Database& db, std::int64_t customer_id, const std::string& action, std::int64_t now);

}  // namespace kimonet::store
