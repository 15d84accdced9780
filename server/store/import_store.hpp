#pragma once
// What the customer import checks rows against (customer_import_service.cpp), and whether a
// database is empty enough to seed the demo (cli/command_seed_demo.cpp). Read-only. Package and
// router names come from list_package_and_router_names (store/report_store.hpp).
#include <cstdint>
#include <functional>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// Every customer's service number, router (0 = none) and PPPoE username ("" = none), streamed:
// string_views are valid only during the call.
struct CustomerIdentityRow {
    std::string_view service_number;
    std::int64_t router_id = 0;
    std::string_view pppoe_username;
};
Result<void> scan_customer_identities(Database& db, const std::function<void(const CustomerIdentityRow&)>& visit);

// Customers plus staff users: 0 on a fresh database.
Result<std::int64_t> count_customers_and_users(Database& db);

}  // namespace kimonet::store
