#pragma once
// Engine controls the services need beyond statements: whether a transaction is open, nesting a
// unit of work inside one, and the write-ahead log's upkeep. SQLite through db.handle() for now;
// the engine pass gives each a PostgreSQL side (where the WAL functions do nothing: the server
// checkpoints its own log).
#include <atomic>
#include <functional>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

// Whether a transaction is open on this connection.
bool in_transaction(Database& db);

// Runs `work` whole or not at all: in a write transaction of its own when none is open, else
// inside a savepoint named `savepoint` of the open one, rolled back to on failure.
Result<void> atomically(Database& db, const std::string& savepoint, const std::function<Result<void>()>& work);

// After each commit on `db`, stores the write-ahead log's length in frames into `frames`, and
// leaves checkpointing to the caller (see checkpoint). `frames` must outlive the connection.
void watch_log_size(Database& db, std::atomic<int>& frames);

// Copies the write-ahead log back into the database without blocking writers (a passive checkpoint).
void checkpoint(Database& db);

}  // namespace kimonet::store
