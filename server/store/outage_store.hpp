#pragma once
// Outages that pause billing (issue 21, docs/outages.md): the outage rows, the customers each one
// affects (computed once, when it opens), their notices and SLA credits, and the reads the dunning
// run, the invoice runs and the public status make of them.
// Functions that write assume the caller holds the transaction. Times are Unix seconds from the Clock.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct OutageRow {
    std::int64_t id = 0;
    std::string title;
    std::string cause;
    std::string target_kind;  // router, olt, pon_port, odc, odp, area
    std::optional<std::int64_t> target_id;
    std::string area_name;   // the public label: the element's name, or the drawn area's name
    std::string area_shape;  // "" or the drawn area (network/outage_area.hpp)
    std::int64_t started_at = 0;
    std::optional<std::int64_t> ended_at;
    std::optional<std::int64_t> expected_end_at;
    std::int64_t affected_count = 0;
    std::string phase;  // starting, started, ending, ended
    std::string created_by;
    std::string closed_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    // Counts over outage_customers (filled by find_outage and list_outages).
    std::int64_t start_notices = 0;  // start notices queued
    std::int64_t end_notices = 0;
    std::int64_t credits = 0;        // customers with a credit
    std::int64_t credit_total = 0;   // rupiah
};

Result<std::int64_t> insert_outage(Database& db, const OutageRow& outage, std::int64_t now);
Result<std::optional<OutageRow>> find_outage(Database& db, std::int64_t id);
// Newest first, at most `limit`; only those not ended unless `include_ended`.
Result<std::vector<OutageRow>> list_outages(Database& db, bool include_ended, int limit);
// Title, cause, area name and expected end.
Result<void> update_outage_text(Database& db, const OutageRow& outage, std::int64_t now);
// Ends an open outage: its end time, who closed it, phase "ending" (end notices and credits to do).
// False when it had already ended.
Result<bool> end_outage(Database& db, std::int64_t id, std::int64_t ended_at, const std::string& closed_by, std::int64_t now);
Result<void> set_outage_phase(Database& db, std::int64_t id, const std::string& phase);
Result<void> set_outage_affected_count(Database& db, std::int64_t id, std::int64_t count);

// The affected set (the caller chooses whom: billable customers).
Result<void> insert_outage_customers(Database& db, std::int64_t outage_id, const std::vector<std::int64_t>& customer_ids);
Result<bool> outage_router_name(Database& db, std::int64_t router_id, std::string& name);

struct LocatedCustomer {
    std::int64_t id = 0;
    double latitude = 0;
    double longitude = 0;
};
// Billable customers (active or isolated) whose coordinates are inside the box (inclusive), by the
// customers_location index.
Result<std::vector<LocatedCustomer>> billable_customers_located_in(Database& db, double min_latitude, double max_latitude,
                                                                    double min_longitude, double max_longitude);

// Outages with work left for the outage job (phase starting or ending), oldest first.
Result<std::vector<std::int64_t>> outages_with_work(Database& db);
// Up to `limit` affected customers whose start (or end) notice is not yet handled.
Result<std::vector<std::int64_t>> customers_without_start_notice(Database& db, std::int64_t outage_id, int limit);
struct OutageEndCandidate {
    std::int64_t customer_id = 0;
    std::int64_t monthly_price = 0;  // the customer's package price now
};
Result<std::vector<OutageEndCandidate>> customers_without_end_notice(Database& db, std::int64_t outage_id, int limit);
// notification_id 0 = no notice could be queued (no phone number, …): handled all the same.
Result<void> set_outage_start_notice(Database& db, std::int64_t outage_id, std::int64_t customer_id, std::int64_t notification_id);
Result<void> set_outage_end_notice(Database& db, std::int64_t outage_id, std::int64_t customer_id, std::int64_t notification_id,
                                   std::int64_t credit_amount);

// Customers under an outage that has not ended, or ended at or after `ended_since`: the dunning
// run and the automatic isolation leave them alone. One read per run over the (few) open outages
// and their affected rows by the primary key, never a read per customer.
Result<std::unordered_set<std::int64_t>> customers_paused_by_outage(Database& db, std::int64_t ended_since);
// The outages pausing one customer now (for the customer's dunning view).
Result<std::vector<OutageRow>> outages_pausing_customer(Database& db, std::int64_t customer_id, std::int64_t ended_since);

struct PendingOutageCredit {
    std::int64_t outage_id = 0;
    std::int64_t customer_id = 0;
    std::int64_t amount = 0;
    std::string title;
    std::int64_t started_at = 0;
    std::int64_t ended_at = 0;
};
// Credits not yet on an invoice for customers with ids in [first_customer, last_customer], by
// customer then outage.
Result<std::vector<PendingOutageCredit>> pending_outage_credits(Database& db, std::int64_t first_customer, std::int64_t last_customer);
Result<void> mark_outage_credit_applied(Database& db, std::int64_t outage_id, std::int64_t customer_id, std::int64_t invoice_id);

}  // namespace kimonet::store
