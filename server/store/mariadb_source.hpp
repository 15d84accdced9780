#pragma once
// PHPNuxBill's tables read straight from its live MariaDB/MySQL database (MariaDB Connector/C,
// Debian's libmariadb-dev), for `kimonet import phpnuxbill --mariadb URL`: the same rows as a dump
// gives, read with plain SELECTs (nothing is written there), so both paths import the same.
#include <string>

#include "core/result.hpp"
#include "imports/phpnuxbill_data.hpp"

namespace kimonet::imports {

struct MariadbTarget {
    std::string host = "localhost";
    unsigned port = 3306;
    std::string socket;  // a Unix socket path instead of TCP
    std::string user, password, database;
};

// "mariadb://user:password@host:port/database" or "mariadb://user:password@localhost/database?socket=/path"
// (user and password percent-decoded).
Result<MariadbTarget> parse_mariadb_url(const std::string& url);

// Every PHPNuxBill table the import reads (tables PHPNuxBill's version lacks are skipped);
// no tbl_customers is an error.
Result<PhpnuxbillData> read_phpnuxbill_mariadb(const MariadbTarget& target);

}  // namespace kimonet::imports
