#pragma once
// SQLite only: a scan whose rows are handed to C++ from inside SQLite's own loop. The SQL selects
// one aggregate, kimonet_fold(a, b, …), registered on every SQLite connection (sqlite_engine.cpp);
// fold_rows() runs it and calls `visit` with each row's arguments.
//
// Why: a row stepped out through sqlite3_step and read column by column costs about twice what the
// engine spends reading it (bench_reports: 1,000,000 invoices, 0.31 s stepped out against 0.14 s
// for COUNT/SUM of the same rows), and SQLite's GROUP BY sorts every row unless an index already
// orders them. A report that groups a million rows by a customer's package, a payment's local day
// or a method therefore groups them here, in C++, at the cost of one function call per row
// (0.10 s for the same invoices). PostgreSQL groups with its own hash aggregate instead.
#include <cstdint>
#include <functional>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// The arguments of one kimonet_fold(…) call: valid only during the visit.
class FoldRow {
public:
    FoldRow(int count, sqlite3_value** values) : m_count(count), m_values(values) {}
    std::int64_t integer(int index) const;
    std::string_view text(int index) const;
    bool is_null(int index) const;

private:
    int m_count;
    sqlite3_value** m_values;
};

using FoldVisit = std::function<void(const FoldRow&)>;

// Steps `statement` (prepared and bound on an SQLite connection; its result is one
// kimonet_fold(…) over the rows) to the end, visiting each row.
Result<void> fold_rows(Statement& statement, const FoldVisit& visit);

namespace detail {
// Registers kimonet_fold on a new connection (usable only from SQL text, not from triggers or views).
int register_fold_function(sqlite3* db);
}  // namespace detail

}  // namespace kimonet::store
