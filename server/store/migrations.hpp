#pragma once
// Numbered SQL migrations (server/store/migrations/NNNN_name.sql), embedded at build time
// and applied at start-up, each in its own transaction, recorded in schema_migrations.
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

const std::vector<Migration>& embedded_migrations();
// Applies every migration newer than the database's version. Returns how many were applied.
Result<int> migrate(Database& db);

}  // namespace kimonet::store
