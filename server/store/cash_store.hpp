#pragma once
// Areas, collectors' areas and the append-only cash ledger (issue 20). SQL only; the rules are in
// services/cash_collection.* and services/cash_ledger.*.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "payments/cash_ledger.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct AreaRow {
    std::int64_t id = 0;
    std::string name;
    std::int64_t customer_count = 0;
    std::vector<std::int64_t> collector_ids;
};

Result<std::int64_t> insert_area(Database& db, const std::string& name);
Result<std::optional<std::string>> find_area_name(Database& db, std::int64_t area_id);
Result<std::vector<AreaRow>> list_areas(Database& db);
Result<void> put_customer_in_area(Database& db, std::int64_t customer_id, std::int64_t area_id);
Result<void> replace_area_collectors(Database& db, std::int64_t area_id, const std::vector<std::int64_t>& user_ids);
Result<bool> customer_exists(Database& db, std::int64_t customer_id);
Result<bool> user_exists(Database& db, std::int64_t user_id);
// The area names a collector works, by name.
Result<std::vector<std::string>> collector_area_names(Database& db, std::int64_t user_id);
// True when the customer's area is one of the collector's.
Result<bool> customer_in_collector_areas(Database& db, std::int64_t customer_id, std::int64_t user_id);

// One open invoice on a collector's route.
struct RouteStop {
    std::int64_t customer_id = 0;
    std::string customer_name;
    std::string service_number;
    std::string address;
    std::string phone;
    std::string area;
    std::int64_t invoice_id = 0;
    std::string invoice_no;
    std::string period;
    std::string due_date;
    Money total = 0;
    Money paid_amount = 0;
};
// Open (unpaid, partial) invoices of the customers in the collector's areas, by area, customer name, due date.
Result<std::vector<RouteStop>> collector_route(Database& db, std::int64_t user_id, int limit);

// The chain's head: (seq, hash) of the last row; nullopt for an empty ledger.
Result<std::optional<std::pair<std::int64_t, std::string>>> cash_ledger_head(Database& db);
Result<void> insert_cash_entry(Database& db, const payments::CashLedgerEntry& entry, const std::optional<std::string>& idempotency_key);
Result<std::optional<payments::CashLedgerEntry>> find_cash_entry(Database& db, std::int64_t seq);
Result<std::optional<payments::CashLedgerEntry>> find_collection_of_payment(Database& db, std::int64_t payment_id);
Result<std::optional<payments::CashLedgerEntry>> find_cash_entry_by_key(Database& db, std::int64_t actor_id, std::string_view kind,
                                                                         const std::string& key);
// The entry of `kind` that refers to `seq` (a collection's void, a remittance's confirmation).
Result<std::optional<payments::CashLedgerEntry>> find_reference_to(Database& db, std::string_view kind, std::int64_t seq);
// Every row in chain order, one at a time (the verifier reads the whole ledger without holding it).
Result<void> each_cash_entry(Database& db, const std::function<Result<void>(const payments::CashLedgerEntry&)>& visit);
// A collector's rows on one business date, in chain order.
Result<std::vector<payments::CashLedgerEntry>> collector_entries_on(Database& db, std::int64_t collector_id, const std::string& date);
// Seq of the collector's last remittance (0: none).
Result<std::int64_t> last_remittance_seq(Database& db, std::int64_t collector_id);
// The collector's collections after `after_seq` and the voids of those collections (a void of a
// collection already remitted is the till's, not the collector's), as sums and a count.
struct CashSince {
    Money collected = 0;
    Money voided = 0;
    std::int64_t collections = 0;
};
Result<CashSince> collector_cash_since(Database& db, std::int64_t collector_id, std::int64_t after_seq);
// Rows of the given kind between two business dates (inclusive), optionally of one collector.
Result<std::vector<payments::CashLedgerEntry>> cash_entries_between(Database& db, const std::string& from, const std::string& to,
                                                                    std::optional<std::int64_t> collector_id);
// A payment as the ledger row names it: (amount, method, voided) for the verifier's cross-check.
struct PaymentFacts {
    Money amount = 0;
    std::string method;
    bool voided = false;
};
Result<std::optional<PaymentFacts>> payment_facts(Database& db, std::int64_t payment_id);
// user id -> username, for the people a report names.
Result<std::string> username_of(Database& db, std::int64_t user_id);

}  // namespace kimonet::store

namespace kimonet::store {
// The activity log's cash ledger anchors: (seq, after_json) of each "cash_ledger.anchor", oldest first.
Result<std::vector<std::pair<std::int64_t, std::string>>> cash_ledger_anchors(Database& db);
}  // namespace kimonet::store
