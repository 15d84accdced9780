#include "store/database_control.hpp"

#include <sqlite3.h>

namespace kimonet::store {

Result<void> ping(Database& db) {
    auto statement = TRY(db.prepare("SELECT 1"));
    TRY(statement.step());
    return {};
}

// engine: sqlite only — PostgreSQL checkpoints its own WAL, so `frames` stays at 0 there.
void watch_log_size(Database& db, std::atomic<int>& frames) {
    sqlite3* handle = db.handle();
    if (!handle) return;
    sqlite3_wal_hook(
        handle,
        [](void* counter, sqlite3*, const char*, int count) {
            static_cast<std::atomic<int>*>(counter)->store(count);
            return SQLITE_OK;
        },
        &frames);
}

// engine: sqlite only — a no-op on PostgreSQL.
void checkpoint(Database& db) {
    if (sqlite3* handle = db.handle()) sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

}  // namespace kimonet::store
