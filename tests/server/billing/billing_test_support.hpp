#pragma once
// Helpers shared by the billing integration tests.
#include <string>

#include "support/test_server_support.hpp"

namespace kimonet::testing {

// Adds `count` active customers (join date `join_date`, packages cycling 1..4) with one INSERT.
inline void add_bulk_customers(TestServer& server, int count, const std::string& join_date = "2025-06-01") {
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    auto inserted = (*db)->execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(count) +
        ") INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
        "SELECT 'BULK' || i, 'Pelanggan ' || i, '62813' || (10000000 + i), 1 + i % 4, 'active', '" + join_date + "' FROM n");
    BOOST_TEST_REQUIRE(inserted.ok(), (inserted ? "" : inserted.error().message()));
}

inline std::int64_t scalar_int(TestServer& server, const std::string& sql) { return std::stoll(server.scalar(sql)); }

// Customers who should get an invoice for `period` (YYYY-MM): billable status, joined by its end.
inline std::int64_t billable_count(TestServer& server, const std::string& period) {
    return scalar_int(server, "SELECT COUNT(*) FROM customers WHERE status IN ('active','isolated') AND join_date <= '" + period +
                                  "-31'");
}

// Asserts one monthly invoice per billable customer and numbers 1..N without gaps.
inline void check_complete_and_gap_free(TestServer& server, const std::string& period) {
    const std::int64_t expected = billable_count(server, period);
    const std::string where = " FROM invoices WHERE period = '" + period + "' AND kind = 'monthly'";
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*)" + where) == expected);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(DISTINCT customer_id)" + where) == expected);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(DISTINCT sequence)" + where) == expected);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(DISTINCT invoice_no)" + where) == expected);
    BOOST_TEST(scalar_int(server, "SELECT MIN(sequence)" + where) == 1);
    BOOST_TEST(scalar_int(server, "SELECT MAX(sequence)" + where) == expected);
    BOOST_TEST(scalar_int(server, "SELECT last_number FROM sequences WHERE name = 'invoice:" + period + "'") == expected);
}

}  // namespace kimonet::testing
