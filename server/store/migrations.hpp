#pragma once
// Numbered SQL migrations, embedded at build time and applied at start-up, each in its own
// transaction, recorded in schema_migrations. One numbered list, two folders:
// server/store/migrations/NNNN_name.sql (SQLite) and server/store/migrations/postgresql/NNNN_name.sql
// (PostgreSQL). PostgreSQL starts at 0021_baseline.sql (the SQLite schema after 0021, in one file;
// applying it records versions 1…21, as SQLite has them); every later number exists in both.
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

const std::vector<Migration>& embedded_migrations();             // SQLite
const std::vector<Migration>& embedded_postgresql_migrations();  // PostgreSQL
const std::vector<Migration>& embedded_migrations(Engine engine);
// Applies every migration of the database's engine not yet recorded. Returns how many were applied.
Result<int> migrate(Database& db);
// PostgreSQL: moves every identity sequence past the largest id in its table (after rows were
// inserted with explicit ids, e.g. copied from another database). Nothing to do on SQLite.
Result<void> reset_identity_sequences(Database& db);

}  // namespace kimonet::store
