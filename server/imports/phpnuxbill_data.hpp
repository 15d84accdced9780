#pragma once
// What `kimonet import phpnuxbill` reads from PHPNuxBill (the tables of its install/phpnuxbill.sql,
// hotspotbilling/phpnuxbill at 04fda47, with the columns its upgrades add): customers, plans and
// their bandwidths, routers, recharges (the current period), transactions (the payment history) and
// how many vouchers there are. The same rows come from a dump file (sql_dump) or a live MariaDB
// (mariadb_source); only the columns the import uses are kept.
#include <cstdint>
#include <istream>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet::imports {

struct NuxCustomer {
    std::int64_t id = 0;
    std::string username, password, pppoe_password, fullname, address, phonenumber, email, service_type, status;
    Money balance = 0;
    std::optional<Date> created;
    std::size_t line = 0;  // where the row is in a dump (0 from MariaDB)
};

struct NuxBandwidth {
    std::int64_t id = 0;
    std::int64_t download_kbps = 0, upload_kbps = 0;
};

struct NuxPlan {
    std::int64_t id = 0;
    std::string name, type, validity_unit, router;
    std::int64_t bandwidth_id = 0, validity = 0;
    Money price = 0;
    bool enabled = true;
    std::size_t line = 0;
};

struct NuxRouter {
    std::int64_t id = 0;
    std::string name, address, username, password, description;
    bool enabled = true;
    std::size_t line = 0;
};

struct NuxRecharge {
    std::int64_t id = 0, customer_id = 0, plan_id = 0;
    std::string username, plan_name, status, router, type;
    Date recharged_on, expiration;
    std::size_t line = 0;
};

struct NuxTransaction {
    std::int64_t id = 0;
    std::string invoice, username, plan_name, method, router, type;
    Money price = 0;
    Date recharged_on;
    std::int64_t seconds_of_day = 0;  // recharged_time
    std::size_t line = 0;
};

struct PhpnuxbillData {
    std::vector<NuxCustomer> customers;
    std::vector<NuxBandwidth> bandwidths;
    std::vector<NuxPlan> plans;
    std::vector<NuxRouter> routers;
    std::vector<NuxRecharge> recharges;
    std::vector<NuxTransaction> transactions;
    std::int64_t vouchers = 0;
    std::set<std::string, std::less<>> tables_seen;
};

// The PHPNuxBill tables the import reads.
const std::set<std::string, std::less<>>& phpnuxbill_tables();

// Adds one row of a PHPNuxBill table by column name; a missing column or a value that is not a
// number or date where one is needed is an error naming the table, column and line.
Result<void> add_phpnuxbill_row(PhpnuxbillData& data, std::string_view table, const std::vector<std::string>& columns,
                                const std::vector<std::optional<std::string>>& values, std::size_t line);

// A whole dump (see sql_dump.hpp for its limits); not PHPNuxBill data (no tbl_customers) is an error.
Result<PhpnuxbillData> read_phpnuxbill_dump(std::istream& in);

}  // namespace kimonet::imports
