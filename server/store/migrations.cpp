#include "store/migrations.hpp"

namespace kimonet::store {

Result<int> migrate(Database& db) {
    TRY_VOID(db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"));
    // Apply every migration not yet recorded (not only those above the highest): a database
    // that was migrated by a build with a later migration still gets the earlier ones.
    int applied = 0;
    for (const Migration& migration : embedded_migrations()) {
        auto recorded = TRY(db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?"));
        recorded.bind(1, migration.version);
        if (TRY(recorded.step())) continue;
        TRY_VOID(db.transaction([&]() -> Result<void> {
            TRY_VOID(db.execute(migration.sql));
            auto record = TRY(db.prepare("INSERT INTO schema_migrations(version, name) VALUES (?, ?)"));
            record.bind(1, migration.version).bind(2, migration.name);
            return record.run();
        }));
        ++applied;
    }
    return applied;
}

}  // namespace kimonet::store
