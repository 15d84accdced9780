#include "store/migrations.hpp"

namespace kimonet::store {

Result<int> migrate(Database& db) {
    TRY_VOID(db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"));
    auto current = TRY(db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    TRY(current.step());
    const std::int64_t version = current.column_int(0);
    int applied = 0;
    for (const Migration& migration : embedded_migrations()) {
        if (migration.version <= version) continue;
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
