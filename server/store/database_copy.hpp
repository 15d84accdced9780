#pragma once
// What `kimonet db copy` needs from a database, on either engine: the schema read from the
// database itself (tables in foreign-key order, columns with their kind, primary keys), a read
// snapshot, a streamed scan of a table in key order, and batched inserts with explicit ids.
// The copy itself (services/database_copy_service) is engine-blind; every SQL text is here.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// How a column's values travel: the declared type's kind (SQLite affinity; PostgreSQL data type).
enum class ColumnKind { Integer, Real, Text, Blob };

struct CopyColumn {
    std::string name;
    ColumnKind kind = ColumnKind::Text;
};

struct CopyTable {
    std::string name;
    std::vector<CopyColumn> columns;  // in the table's column order
    std::vector<std::string> key;     // primary key columns (empty: none)
    std::vector<std::string> parents;  // tables its foreign keys reference (itself excluded)
};

// The tables of the database in foreign-key order (a table after every table it references).
// Left out: schema_migrations (each side's own migrations write it), SQLite's internal tables,
// virtual tables (the FTS5 search index) and their shadow tables (triggers on the target rebuild
// them as rows arrive; PostgreSQL searches with trigram indexes instead).
Result<std::vector<CopyTable>> read_copy_tables(Database& db);

// The migration versions recorded in schema_migrations, ascending (empty when there is no table).
Result<std::vector<int>> recorded_migration_versions(Database& db);

Result<std::int64_t> count_table_rows(Database& db, const std::string& table);

// One read transaction over the whole copy, so every table comes from the same moment while the
// ISP keeps running (SQLite: a deferred BEGIN takes no write lock; PostgreSQL: REPEATABLE READ,
// READ ONLY). end_read_snapshot ends it.
Result<void> begin_read_snapshot(Database& db);
Result<void> end_read_snapshot(Database& db);

// Streams the table's rows in primary-key order (all columns in CopyTable::columns order) and
// calls `row` with the statement positioned on each; the scan holds one row at a time.
Result<void> scan_table(Database& db, const CopyTable& table, const std::function<Result<void>(const Statement&)>& row);

// Deletes every row of the table (the caller holds the write transaction).
Result<void> delete_table_rows(Database& db, const std::string& table);

// SQLite: foreign keys checked at COMMIT instead of per statement (a row may reference a later row
// of its own table). PostgreSQL's constraints are not deferrable; rows come in key order there.
Result<void> defer_foreign_keys(Database& db);

// Inserts rows into one table with their ids, `rows_per_statement` rows per INSERT; values are
// copied from a source row when added, so memory holds at most one batch.
class TableInserter {
public:
    TableInserter(Database& db, const CopyTable& table);
    ~TableInserter();
    TableInserter(const TableInserter&) = delete;
    TableInserter& operator=(const TableInserter&) = delete;
    // `source` is positioned on a row whose columns are the table's columns in order.
    Result<void> add(const Statement& source);
    Result<void> flush();

private:
    struct Value;
    Result<void> insert(std::size_t rows);

    Database& m_db;
    const CopyTable& m_table;
    std::size_t m_rows_per_statement;
    std::vector<Value> m_values;
};

}  // namespace kimonet::store
