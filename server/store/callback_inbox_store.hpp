#pragma once
// The callback inbox (migration 0057; services/callback_inbox.hpp): signed gateway callbacks
// accepted and answered, not yet confirmed with the gateway and applied. One row per gateway
// transaction; a row is deleted by the transaction that applies it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct InboxKey {
    std::string gateway;
    std::string order_key;  // our order id, or (by_reference) the gateway's reference
    bool by_reference = false;
};

struct InboxEntry {
    InboxKey key;
    std::string content_type;
    std::string body;
    std::string remote_ip;
    std::int64_t received_at = 0;
    std::int64_t next_attempt_at = 0;
    std::int64_t attempts = 0;
    std::int64_t version = 0;  // the row's version when it was read or written
};

// Keeps `entry` (one statement, committed on its own outside a transaction): a new row, or the
// transaction's row replaced by this callback when its body differs (its version then goes up,
// so an applier holding the older version leaves the row for another pass), or by this delivery
// when the row is already due. Returns the row's version, or nothing when the same body was
// already waiting and not due (nothing written).
Result<std::optional<std::int64_t>> keep_inbox_entry(Database& db, const InboxEntry& entry);
// Rows any server may take up at `now` (next_attempt_at <= now), oldest first, at most `limit`.
Result<std::vector<InboxEntry>> due_inbox_entries(Database& db, std::int64_t now, int limit);
// Deletes the row if it still has `version` (inside the transaction that applied it); false when
// a newer callback replaced it meanwhile.
Result<bool> delete_inbox_entry(Database& db, const InboxKey& key, std::int64_t version);
// Puts the row off until `next_attempt_at` and counts the attempt (the status API could not be
// asked, or applying failed), if it still has `version`.
Result<void> postpone_inbox_entry(Database& db, const InboxKey& key, std::int64_t version, std::int64_t next_attempt_at);
// A page of the rows, oldest first, without their bodies (GET /api/payments/callback-inbox).
Result<std::vector<InboxEntry>> list_inbox_entries(Database& db, int page, int per_page);
// How many rows wait, and the oldest one's received_at (0 when none): for health and metrics.
struct InboxSize {
    std::int64_t rows = 0;
    std::int64_t oldest_received_at = 0;
};
Result<InboxSize> inbox_size(Database& db);

}  // namespace kimonet::store
