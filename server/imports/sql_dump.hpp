#pragma once
// Reads the rows of a MySQL/MariaDB dump (`mysqldump`, phpMyAdmin's export, PHPNuxBill's install
// SQL): the column lists of CREATE TABLE and the rows of INSERT/REPLACE ... VALUES (...),(...),
// with MySQL's quoting and escaping. The dump is untrusted input: nothing in it is executed (every
// other statement is skipped unread), a statement longer than the limit is refused while it is
// read (memory stays bounded by the limit, not by the file), and every problem names its line.
#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::imports {

inline constexpr std::size_t kSqlDumpMaxStatementBytes = 8 * 1024 * 1024;  // mysqldump's lines are ≤ 1 MiB by default
inline constexpr std::size_t kSqlDumpMaxValueBytes = 64 * 1024;
inline constexpr std::size_t kSqlDumpMaxRows = 2'000'000;

struct SqlDumpRow {
    std::string_view table;
    const std::vector<std::string>& columns;            // from the INSERT's list, else the table's CREATE TABLE
    const std::vector<std::optional<std::string>>& values;  // nullopt = NULL
    std::size_t line = 0;                                // where the row's tuple starts
};

// Calls `visit` for every row of the tables named in `tables` (other tables' rows are skipped).
// Stops at the first error, of the dump or of `visit`.
Result<void> read_sql_dump(std::istream& in, const std::set<std::string, std::less<>>& tables,
                           const std::function<Result<void>(const SqlDumpRow&)>& visit);

}  // namespace kimonet::imports
