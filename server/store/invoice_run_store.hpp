#pragma once
// What the monthly invoice run reads about each billable customer (active or isolated): join date,
// due day, package, credit, and whether the period's monthly invoice exists. Readers; the run
// calls them inside its batch's write transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "store/database.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::store {

struct BillingRow {
    std::int64_t customer_id = 0;
    Date join_date;
    std::optional<int> due_day;
    std::string package_name;
    Money package_price = 0;
    Money credit = 0;
    bool already_invoiced = false;
};

// Only customers who joined within [first, last] (inclusive dates), when set.
struct JoinedBetween {
    Date first;
    Date last;
};

// The next `limit` billable customers with an id above `after`, in id order, each marked when it
// already has the period's monthly invoice.
Result<std::vector<BillingRow>> read_billing_batch(Database& db, const Period& period, const std::optional<JoinedBetween>& joined,
                                                   std::int64_t after, int limit);
Result<std::int64_t> count_billable_customers(Database& db, const std::optional<JoinedBetween>& joined);
// One customer, when billable.
Result<std::optional<BillingRow>> find_billing_row(Database& db, std::int64_t customer_id, const Period& period);
// Those of `customer_ids` that are billable, in id order (one statement).
Result<std::vector<BillingRow>> find_billing_rows(Database& db, const std::vector<std::int64_t>& customer_ids, const Period& period);

}  // namespace kimonet::store
