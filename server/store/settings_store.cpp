#include "store/settings_store.hpp"

#include "store/store_time.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace kimonet::store {

Result<std::optional<std::string>> find_setting_value(Database& db, std::string_view key) {
    auto statement = TRY(db.prepare("SELECT value FROM settings WHERE key = ?"));
    statement.bind(1, key);
    if (!TRY(statement.step())) return std::optional<std::string>();
    return std::optional<std::string>(statement.column_text(0));
}

Result<std::optional<std::string>> find_sealed_setting_value(Database& db, std::string_view key) {
    // engine: PostgreSQL keeps the sealed bytes in the TEXT column in bytea's text form ("\x<hex>",
    // see save_setting_value); CAST … AS BYTEA gives the bytes back. SQLite keeps the bytes as bound.
    auto statement = TRY(db.prepare(db.engine() == Engine::Postgresql ? "SELECT CAST(value AS BYTEA) FROM settings WHERE key = ?"
                                                                      : "SELECT value FROM settings WHERE key = ?"));
    statement.bind(1, key);
    if (!TRY(statement.step())) return std::optional<std::string>();
    return std::optional<std::string>(statement.column_text(0));
}

Result<void> save_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now) {
    auto upsert = TRY(db.prepare(
        "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at"));
    upsert.bind(1, key);
    // engine: sealed secrets are raw bytes bound as a BLOB into the TEXT column `value` (SQLite
    // keeps them as they are). On PostgreSQL (text refuses NUL bytes) the bytea parameter is
    // assigned to TEXT through bytea's text form, "\x<hex>"; find_sealed_setting_value reads it back
    // as bytes. A bytea column would be cleaner (a migration; `kimonet db copy` must then move
    // sealed secrets unchanged).
    if (sealed) upsert.bind_blob(2, value);
    else upsert.bind(2, value);
    upsert.bind(3, utc_timestamp_text(now));
    return upsert.run();
}

}  // namespace kimonet::store
