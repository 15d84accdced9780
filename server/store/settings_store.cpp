#include "store/settings_store.hpp"

#include "store/store_time.hpp"
#include "store/transaction_memo.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace kimonet::store {

namespace {
thread_local SettingsReadAhead* t_read_ahead = nullptr;  // the innermost live read-ahead of this thread

// A setting's entry in the transaction memo.
std::string memo_key(std::string_view key) { return "settings:" + std::string(key); }
}  // namespace

SettingsReadAhead::SettingsReadAhead(Database& db, const std::vector<std::string>& keys) : m_db(&db), m_outer(t_read_ahead) {
    t_read_ahead = this;
    // Inside a write transaction the values go to the transaction memo (exact for the rest of the
    // transaction, see transaction_memo.hpp), and only the keys it does not hold yet are read.
    const bool inside = db.in_transaction();
    std::vector<std::string_view> wanted;
    for (const auto& key : keys)
        if (!inside || !remembered(db, memo_key(key))) wanted.push_back(key);
    if (wanted.empty()) return;
    std::string sql = "SELECT key, value FROM settings WHERE key IN (";
    for (std::size_t i = 0; i < wanted.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
    auto statement = db.prepare(sql);
    if (!statement) return;  // nothing read ahead: each key is read where it is used, as without this
    for (std::size_t i = 0; i < wanted.size(); ++i) statement->bind(static_cast<int>(i + 1), wanted[i]);
    std::map<std::string, std::optional<std::string>, std::less<>> found;
    for (const auto& key : wanted) found.emplace(key, std::nullopt);
    for (;;) {
        auto row = statement->step();
        if (!row) return;
        if (!*row) break;
        found[statement->column_text(0)] = statement->column_text(1);
    }
    statement->reset();
    if (!inside) {
        m_values = std::move(found);
        return;
    }
    for (auto& [key, value] : found) remember(db, memo_key(key), std::move(value));
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
    if (const auto* known = remembered(db, memo_key(key))) return *known;
    auto statement = TRY(db.prepare("SELECT value FROM settings WHERE key = ?"));
    statement.bind(1, key);
    std::optional<std::string> value;
    if (TRY(statement.step())) value = statement.column_text(0);
    statement.reset();
    remember(db, memo_key(key), value);
    return value;
}

namespace {

Result<void> write_setting_value(Database& db, const char* sql, std::string_view key, const std::string& value, bool sealed, std::int64_t now) {
    forget_remembered(db);
    SettingsReadAhead::forget(db);
    auto write = TRY(db.prepare(sql));
    write.bind(1, key);
    // engine: sealed secrets are raw bytes. SQLite: bound as a BLOB into the TEXT column `value`
    // (kept as they are), plain values as text. PostgreSQL: the column is bytea (text refuses NUL
    // bytes, see 0021_baseline.sql), so every value is bound as bytes and reads back byte-exact.
    if (sealed || db.engine() == Engine::Postgresql) write.bind_blob(2, value);
    else write.bind(2, value);
    write.bind(3, utc_timestamp_text(now));
    return write.run();
}

}  // namespace

Result<void> save_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now) {
    return write_setting_value(db,
                               "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                               "updated_at = excluded.updated_at",
                               key, value, sealed, now);
}

Result<void> add_setting_value(Database& db, std::string_view key, const std::string& value, bool sealed, std::int64_t now) {
    return write_setting_value(db, "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING", key, value, sealed, now);
}

}  // namespace kimonet::store
