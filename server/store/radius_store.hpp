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
};
Result<std::optional<RadiusNas>> find_radius_nas(Database& db, std::int64_t router_id, const security::SecretBox* secrets);
// Every router with a RADIUS secret (the clients FreeRADIUS accepts), secrets opened.
Result<std::vector<RadiusNas>> list_radius_clients(Database& db, const security::SecretBox& secrets);
// `sealed_secret` empty keeps the stored secret.
Result<void> upsert_radius_nas(Database& db, std::int64_t router_id, const std::string& nas_address, int coa_port,
                               const std::string& sealed_secret, std::int64_t now);

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
};
// The customer's open sessions (no Stop yet), newest first.
Result<std::vector<RadiusSessionRow>> open_radius_sessions(Database& db, std::int64_t customer_id);
// The customer's newest session, open or closed.
Result<std::optional<RadiusSessionRow>> last_radius_session(Database& db, std::int64_t customer_id);
// {upload, download} bytes of the customer in `period`.
Result<std::pair<std::int64_t, std::int64_t>> radius_usage(Database& db, std::int64_t customer_id, const std::string& period);

}  // namespace kimonet::store
