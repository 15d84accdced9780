#pragma once
// The write-ahead log's upkeep the callback writer does itself on SQLite; both functions do
// nothing on PostgreSQL (the server checkpoints its own log).
#include <atomic>

#include "store/database.hpp"

namespace kimonet::store {

// After each commit on `db`, stores the write-ahead log's length in frames into `frames`, and
// leaves checkpointing to the caller (see checkpoint). `frames` must outlive the connection.
void watch_log_size(Database& db, std::atomic<int>& frames);

// Copies the write-ahead log back into the database without blocking writers (a passive checkpoint).
void checkpoint(Database& db);

}  // namespace kimonet::store
