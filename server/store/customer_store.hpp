#pragma once
// Customers in SQLite: row mapping, lookups, filtered/paginated listing.
#include <optional>
#include <vector>

#include "customers/customer.hpp"
#include "security/secret_box.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct CustomerFilter {
    std::string search;  // name, nomor layanan or phone (contains)
    std::optional<CustomerStatus> status;
    std::optional<std::int64_t> package_id;
    std::optional<std::int64_t> router_id;
    std::string sort = "name";  // name, service_number, join_date, id; "-" prefix = descending
    int page = 1;
    int per_page = 25;
};

struct CustomerPage {
    std::vector<Customer> rows;
    std::int64_t total = 0;
};

Result<std::optional<Customer>> find_customer(Database& db, std::int64_t id);
Result<std::optional<Customer>> find_customer_by_service_number(Database& db, std::string_view service_number);
Result<CustomerPage> list_customers(Database& db, const CustomerFilter& filter);
Result<std::int64_t> insert_customer(Database& db, const Customer& customer, std::int64_t now);
Result<void> update_customer_row(Database& db, const Customer& customer, std::int64_t now);
// Another customer (not `except_id`) on the router already has this IP address.
Result<bool> customer_ip_taken(Database& db, std::int64_t router_id, const std::string& ip_address, std::int64_t except_id);
Result<void> set_customer_password_hash(Database& db, std::int64_t id, const std::string& hash);
// The PPPoE password, sealed by the SecretBox (`sealed`), and opened again ("" when none is stored).
Result<void> set_customer_pppoe_password(Database& db, std::int64_t id, const std::string& sealed);
Result<std::string> customer_pppoe_password(Database& db, std::int64_t id, const security::SecretBox& secrets);
// The next free "<prefix><n>" number (n = highest existing numeric suffix + 1).
Result<std::string> next_service_number(Database& db, std::string_view prefix);
// True when sort is one of the allowed keys (with optional "-").
bool is_valid_customer_sort(std::string_view sort);

}  // namespace kimonet::store
