#pragma once
// Two aids for hot write paths, beside Database::transaction (implemented in database.cpp, kept
// out of database.hpp so that the header nearly every file includes stays as it is):
//
// - transaction_without_savepoints: an outermost transaction in which nested transaction() calls
//   join the outer work instead of opening savepoints (two round trips each on PostgreSQL).
// - remembered / remember: a value a store function read inside the current write transaction,
//   kept for the rest of it (settings, message templates: read several times per callback).
// - before_commit_without_savepoints: rows gathered during such a transaction, written in one
//   statement just before its COMMIT (activity entries: four per callback).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// Runs `work` as the outermost transaction, nested transaction() calls inside it joining it (no
// savepoints). An inner error then cannot be undone alone, so ANY inner error — even one the outer
// work handled and went on from — rolls everything back, and the answer is false: run the same
// work again with db.transaction(), whose savepoints give exactly the usual outcome. true =
// committed; as no inner work failed, the savepoints would all have been released: the same
// result, fewer round trips. An error = the work's own error, or BEGIN/COMMIT failed. Inside a
// transaction it is db.transaction() (savepoints as usual). For a path whose inner errors are rare
// (CallbackGroupCommit's batches).
Result<bool> transaction_without_savepoints(Database& db, const std::function<Result<void>()>& work);
// transaction_without_savepoints whose transaction, on PostgreSQL, holds the writer lock SHARED
// (pg_advisory_xact_lock_shared): it may run beside other such transactions (another server's
// CallbackGroupCommit batch), never beside an ordinary write transaction, which takes the lock
// exclusively and waits for every shared holder. Only for work that locks the rows it reads and
// changes (FOR UPDATE, store::lock_callback_rows) and takes gap-free numbers only at its end, in
// its before-commit flushes (the numbers' `sequences` row is then locked until COMMIT); the
// remembered values stay exact, as what they remember (settings, templates, open invoice runs,
// whether any promise is active) is only written under the exclusive lock: keep it so. A deadlock or lock timeout comes back as the work's failure: run the work
// again with db.transaction() (the exclusive lock). On SQLite it is transaction_without_savepoints.
Result<bool> transaction_without_savepoints_sharing_the_writer_lock(Database& db, const std::function<Result<void>()>& work);
// Inside transaction_without_savepoints_sharing_the_writer_lock(db) on PostgreSQL: true.
bool shares_the_writer_lock(const Database& db);
// Inside transaction_without_savepoints(db): a number no other such transaction of this process
// had; 0 outside (on another Database, or none running).
std::uint64_t transaction_without_savepoints_id(const Database& db);
// Inside it: `flush` runs once, in the transaction, after the work and just before COMMIT (rows a
// store function gathered to write in one statement); a flush that fails counts as an inner
// failure (everything rolled back, the answer false). Dropped, not run, when the work fails.
void before_commit_without_savepoints(const Database& db, std::function<Result<void>()> flush);

// What a store function read under `key` ("<table>:<key>") earlier in the current write
// transaction of `db`, or nullptr. Exact, not a cache that can be stale: a write transaction holds
// the writer lock (SQLite BEGIN IMMEDIATE, PostgreSQL's advisory lock), so no other connection's
// write transaction commits before it ends; the store function that writes the table calls
// forget_remembered. Everything is forgotten when the outermost transaction ends, when a
// savepoint rolls back, and on db.execute() (raw SQL could change anything). Outside a
// transaction nothing is remembered. At most 64 values per transaction.
const std::optional<std::string>* remembered(const Database& db, std::string_view key);
void remember(const Database& db, std::string key, std::optional<std::string> value);
void forget_remembered(const Database& db);

}  // namespace kimonet::store
