#pragma once
// The activity log rows: who did what to which record, with before/after snapshots as JSON text
// (the service serialises and parses them; the store only carries the text).
// Writes assume the caller holds the transaction (or are a single statement on their own).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct ActivityEntry {
    std::int64_t id = 0;  // set when read
    std::int64_t at = 0;
    std::string actor_type;
    std::optional<std::int64_t> actor_id;
    std::string actor_name;
    std::string action;
    std::string subject_type;
    std::optional<std::int64_t> subject_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::string ip;
};
Result<void> insert_activity(Database& db, const ActivityEntry& entry);
// Inside transaction_without_savepoints: each `from` (first) becomes its `to` (second) in the
// before/after text of the entries gathered so far, not yet written — values that take their final
// form just before COMMIT (receipt numbers: services::number_receipts_at_commit).
void replace_in_gathered_activity(const Database& db, const std::vector<std::pair<std::string, std::string>>& replacements);

struct ActivityFilter {
    std::string subject_type;  // empty: any
    std::optional<std::int64_t> subject_id;
    std::string actor_name;  // empty: any
    int page = 1;
    int per_page = 50;
};
struct ActivityRows {
    std::vector<ActivityEntry> rows;
    std::int64_t total = 0;
};
// Newest first.
Result<ActivityRows> list_activity_rows(Database& db, const ActivityFilter& filter);

// When a customer changed their own record (entries with one of `actions` whose actor and subject
// are the customer `customer_id`) since `since`, oldest first (services::check_customer_self_change).
Result<std::vector<std::int64_t>> customer_self_change_times(Database& db, std::int64_t customer_id, const std::vector<std::string>& actions,
                                                             std::int64_t since);

}  // namespace kimonet::store
