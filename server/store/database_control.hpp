#pragma once
// A readiness ping, and the write-ahead log's upkeep the callback writer does itself on SQLite
// (both WAL functions do nothing on PostgreSQL: the server checkpoints its own log).
#include <atomic>

#include "store/database.hpp"

namespace kimonet::store {

// One round trip to the database (`SELECT 1`): the readiness check a load balancer polls.
Result<void> ping(Database& db);

// After each commit on `db`, stores the write-ahead log's length in frames into `frames`, and
// leaves checkpointing to the caller (see checkpoint). `frames` must outlive the connection.
void watch_log_size(Database& db, std::atomic<int>& frames);

// Copies the write-ahead log back into the database without blocking writers (a passive checkpoint).
void checkpoint(Database& db);

}  // namespace kimonet::store
