#include "store/settings_store.hpp"

#include "store/store_time.hpp"
#include "store/transaction_memo.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace kimonet::store {

Result<std::optional<std::string>> find_setting_value(Database& db, std::string_view key) {
    // Inside a write transaction a setting read once stays what it was (store/transaction_memo.hpp).
    const std::string memo_key = "settings:" + std::string(key);
    if (const auto* known = remembered(db, memo_key)) return *known;
    auto statement = TRY(db.prepare("SELECT value FROM settings WHERE key = ?"));
    statement.bind(1, key);
    std::optional<std::string> value;
    if (TRY(statement.step())) value = statement.column_text(0);
    statement.reset();
    remember(db, memo_key, value);
    return value;
}

Result<void> save_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now) {
    forget_remembered(db);
    auto upsert = TRY(db.prepare(
        "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at"));
    upsert.bind(1, key);
    // engine: sealed secrets are raw bytes. SQLite: bound as a BLOB into the TEXT column `value`
    // (kept as they are), plain values as text. PostgreSQL: the column is bytea (text refuses NUL
    // bytes, see 0021_baseline.sql), so every value is bound as bytes and reads back byte-exact.
    if (sealed || db.engine() == Engine::Postgresql) upsert.bind_blob(2, value);
    else upsert.bind(2, value);
    upsert.bind(3, utc_timestamp_text(now));
    return upsert.run();
}

}  // namespace kimonet::store
