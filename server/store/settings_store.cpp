#include "store/settings_store.hpp"

#include "store/store_time.hpp"
#include "store/transaction_memo.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace kimonet::store {

namespace {
thread_local SettingsReadAhead* t_read_ahead = nullptr;  // the innermost live read-ahead of this thread
}  // namespace

SettingsReadAhead::SettingsReadAhead(Database& db, const std::vector<std::string>& keys) : m_db(&db), m_outer(t_read_ahead) {
    t_read_ahead = this;
    if (keys.empty() || db.in_transaction()) return;
    std::string sql = "SELECT key, value FROM settings WHERE key IN (";
    for (std::size_t i = 0; i < keys.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
    auto statement = db.prepare(sql);
    if (!statement) return;  // nothing read ahead: each key is read where it is used, as without this
    for (std::size_t i = 0; i < keys.size(); ++i) statement->bind(static_cast<int>(i + 1), keys[i]);
    std::map<std::string, std::optional<std::string>, std::less<>> found;
    for (const auto& key : keys) found.emplace(key, std::nullopt);
    for (;;) {
        auto row = statement->step();
        if (!row) return;
        if (!*row) break;
        found[statement->column_text(0)] = statement->column_text(1);
    }
    statement->reset();
    m_values = std::move(found);
}

SettingsReadAhead::~SettingsReadAhead() { t_read_ahead = m_outer; }

const std::optional<std::string>* SettingsReadAhead::find(const Database& db, std::string_view key) {
    if (db.in_transaction()) return nullptr;
    for (const SettingsReadAhead* scope = t_read_ahead; scope; scope = scope->m_outer) {
        if (scope->m_db != &db) continue;
        if (auto it = scope->m_values.find(key); it != scope->m_values.end()) return &it->second;
    }
    return nullptr;
}

void SettingsReadAhead::forget(const Database& db) {
    for (SettingsReadAhead* scope = t_read_ahead; scope; scope = scope->m_outer)
        if (scope->m_db == &db) scope->m_values.clear();
}

Result<std::optional<std::string>> find_setting_value(Database& db, std::string_view key) {
    if (const auto* ahead = SettingsReadAhead::find(db, key)) return *ahead;
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
    SettingsReadAhead::forget(db);
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
