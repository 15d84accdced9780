#include "store/database_control.hpp"

#include <sqlite3.h>

namespace kimonet::store {

// engine: sqlite only — PostgreSQL needs PQtransactionStatus(connection) != PQTRANS_IDLE.
bool in_transaction(Database& db) { return sqlite3_get_autocommit(db.handle()) == 0; }

Result<void> atomically(Database& db, const std::string& savepoint, const std::function<Result<void>()>& work) {
    if (!in_transaction(db)) return db.transaction(work);
    TRY_VOID(db.execute("SAVEPOINT " + savepoint));
    Result<void> result = db.transaction(work);  // joins the open transaction
    if (!result) TRY_VOID(db.execute("ROLLBACK TO " + savepoint));
    TRY_VOID(db.execute("RELEASE " + savepoint));
    return result;
}

// engine: sqlite only — PostgreSQL needs nothing here (the server checkpoints its own WAL): leave `frames` at 0.
void watch_log_size(Database& db, std::atomic<int>& frames) {
    sqlite3_wal_hook(
        db.handle(),
        [](void* counter, sqlite3*, const char*, int count) {
            static_cast<std::atomic<int>*>(counter)->store(count);
            return SQLITE_OK;
        },
        &frames);
}

// engine: sqlite only — PostgreSQL needs nothing here (a no-op).
void checkpoint(Database& db) { sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr); }

}  // namespace kimonet::store
