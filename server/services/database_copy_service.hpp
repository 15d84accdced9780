#pragma once
// `kimonet db copy`: moves every row of one database into another (SQLite ↔ PostgreSQL, or
// SQLite → SQLite), for an ISP moving engines. The source is read in one read snapshot while it
// keeps running; the target is written in one transaction that commits only when every table's
// row count and checksum match the source's (all or nothing). Sealed secrets travel as the bytes
// they are (BLOB/bytea, TEXT): the same secret key opens them on the target.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::services {

struct TableCopyCheck {
    std::string table;
    std::int64_t source_rows = 0;
    std::int64_t target_rows = 0;
    std::string source_checksum;  // see row_checksum in the .cpp: the same C++ on both sides
    std::string target_checksum;
    bool matches() const { return source_rows == target_rows && source_checksum == target_checksum; }
};

struct CopyReport {
    std::vector<TableCopyCheck> tables;
    int schema_version = 0;
    bool committed = false;  // false: a table did not verify and the target was rolled back
    std::int64_t total_rows() const;
};

// Progress per table: rows copied so far of `total` (called per batch and once at the table's end).
using CopyProgress = std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

struct CopyOptions {
    // Refuse a target that already has data (rows beyond what its migrations put there) unless set.
    bool replace = false;
    CopyProgress progress;
    // Tests: runs on the target inside the copy's transaction after each table is written (an
    // error aborts the copy; a change it makes shows in the verification).
    std::function<Result<void>(store::Database& target, const std::string& table)> after_table;
};

// Migrates the target to this program's schema, refuses a source at another schema version, and
// copies. An error means nothing changed on the target (beyond its migrations); a report with
// committed == false means the verification failed (the report says where) and nothing changed.
Result<CopyReport> copy_database(store::Database& source, store::Database& target, const CopyOptions& options);

}  // namespace kimonet::services
