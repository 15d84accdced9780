#pragma once
// What the collection areas screen reads and changes beyond cash_store.hpp (issue 20): renaming an
// area, the customers in one, and the staff who may collect (hold cash.collect). SQL only.
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

Result<void> rename_area(Database& db, std::int64_t area_id, const std::string& name);

struct AreaCustomerRow {
    std::int64_t id = 0;
    std::string service_number;
    std::string name;
};
// The area's customers by name, at most `limit`.
Result<std::vector<AreaCustomerRow>> list_area_customers(Database& db, std::int64_t area_id, int limit);
// The customer id of a service number (exact), if any.
Result<std::optional<std::int64_t>> customer_id_by_service_number(Database& db, const std::string& service_number);

struct CollectorRow {
    std::int64_t id = 0;
    std::string username;
    std::string full_name;
};
// Active staff whose roles grant cash.collect, by username.
Result<std::vector<CollectorRow>> list_collector_users(Database& db);

}  // namespace kimonet::store
