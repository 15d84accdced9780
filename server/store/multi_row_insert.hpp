#pragma once
// Many rows to one INSERT, "INSERT INTO <target> VALUES (?,…),(?,…)…", for the bulk writers
// (invoice_bulk_store, customer_bulk_store, invoice_approval_store). On SQLite each execution of a
// statement costs about as much again as a row's own B-tree work (it starts the VDBE program and
// opens a cursor on the table and each of its indexes; FTS5 also writes its pending index at the
// end of every statement); on PostgreSQL each statement is a round trip.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// "INSERT INTO <target> VALUES (?,…),(?,…)…": `rows` rows of `columns` parameters.
inline std::string multi_row_insert_sql(std::string_view target, int columns, std::size_t rows) {
    std::string row = "(?";
    for (int column = 1; column < columns; ++column) row += ",?";
    row += ')';
    std::string sql = "INSERT INTO " + std::string(target) + " VALUES ";
    sql.reserve(sql.size() + rows * (row.size() + 1));
    for (std::size_t i = 0; i < rows; ++i) {
        if (i) sql += ',';
        sql += row;
    }
    return sql;
}

// Inserts `count` rows into `target`, `rows_per_insert` to a statement (the statement of a whole
// chunk prepared once): bind_row(statement, first parameter, i) binds row i's `columns` values;
// after_chunk(rows written so far), when given, runs after each statement.
template <typename BindRow>
Result<void> insert_rows(Database& db, std::string_view target, int columns, std::size_t count, std::size_t rows_per_insert, BindRow bind_row,
                         const std::function<void(std::size_t done)>& after_chunk = nullptr) {
    Statement full;
    for (std::size_t start = 0; start < count; start += rows_per_insert) {
        const std::size_t rows = std::min(rows_per_insert, count - start);
        Statement last;
        if (rows == rows_per_insert && start == 0) full = TRY(db.prepare(multi_row_insert_sql(target, columns, rows)));
        if (rows < rows_per_insert) last = TRY(db.prepare(multi_row_insert_sql(target, columns, rows)));
        Statement& statement = rows == rows_per_insert ? full : last;
        statement.reset();
        for (std::size_t i = 0; i < rows; ++i) bind_row(statement, static_cast<int>(i) * columns + 1, start + i);
        TRY_VOID(statement.run());
        if (after_chunk) after_chunk(start + rows);
    }
    return {};
}

}  // namespace kimonet::store
