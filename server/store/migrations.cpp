#include "store/migrations.hpp"

#include <string>

namespace kimonet::store {

const std::vector<Migration>& embedded_migrations(Engine engine) {
    return engine == Engine::Postgresql ? embedded_postgresql_migrations() : embedded_migrations();
}

static const char* schema_migrations_table(Engine engine) {
    return engine == Engine::Postgresql
               ? "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))"
               : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
}

static Result<void> record(Database& db, int version, const char* name) {
    auto statement = TRY(db.prepare("INSERT INTO schema_migrations(version, name) VALUES (?, ?)"));
    statement.bind(1, version).bind(2, name);
    return statement.run();
}

Result<int> migrate(Database& db) {
    if (db.engine() == Engine::Postgresql) {
        // Several servers may start at once: one creates the table, the others find it.
        TRY_VOID(db.transaction([&] { return db.execute(schema_migrations_table(db.engine())); }));
    } else {
        TRY_VOID(db.execute(schema_migrations_table(db.engine())));
    }
    // Apply every migration not yet recorded (not only those above the highest): a database
    // that was migrated by a build with a later migration still gets the earlier ones. The check
    // is inside the migration's write transaction, so two servers starting at once apply it once.
    int applied = 0;
    for (const Migration& migration : embedded_migrations(db.engine())) {
        TRY_VOID(db.transaction([&]() -> Result<void> {
            auto recorded = TRY(db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?"));
            recorded.bind(1, migration.version);
            if (TRY(recorded.step())) return {};
            recorded.reset();
            TRY_VOID(db.execute(migration.sql));
            if (std::string(migration.name).ends_with("_baseline")) {
                // A baseline stands for every SQLite migration up to its number.
                for (const Migration& covered : embedded_migrations())
                    if (covered.version <= migration.version) TRY_VOID(record(db, covered.version, covered.name));
            } else {
                TRY_VOID(record(db, migration.version, migration.name));
            }
            ++applied;
            return {};
        }));
    }
    return applied;
}

Result<void> reset_identity_sequences(Database& db) {
    if (db.engine() != Engine::Postgresql) return {};
    std::vector<std::pair<std::string, std::string>> columns;
    {
        auto identity = TRY(db.prepare(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND is_identity = 'YES' ORDER BY table_name"));
        while (TRY(identity.step())) columns.emplace_back(identity.column_text(0), identity.column_text(1));
    }
    for (const auto& [table, column] : columns)
        TRY_VOID(db.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), COALESCE((SELECT MAX(" + column +
                            ") FROM " + table + "), 0) + 1, false)"));
    return {};
}

}  // namespace kimonet::store
