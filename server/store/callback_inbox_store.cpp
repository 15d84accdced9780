#include "store/callback_inbox_store.hpp"

namespace kimonet::store {

namespace {

InboxEntry entry_of(const Statement& row) {
    InboxEntry entry;
    entry.key.gateway = row.column_text(0);
    entry.key.order_key = row.column_text(1);
    entry.key.by_reference = row.column_int(2) != 0;
    entry.content_type = row.column_text(3);
    entry.body = row.column_text(4);
    entry.remote_ip = row.column_text(5);
    entry.received_at = row.column_int(6);
    entry.next_attempt_at = row.column_int(7);
    entry.attempts = row.column_int(8);
    entry.version = row.column_int(9);
    return entry;
}

}  // namespace

Result<std::optional<std::int64_t>> keep_inbox_entry(Database& db, const InboxEntry& entry) {
    // SQLite: inside a transaction, so it queues on this process's writer gate (sqlite_engine.cpp)
    // instead of sleeping in the busy handler behind an applying batch. PostgreSQL: the statement
    // alone, outside the writer lock (it touches its own row only; the primary key decides).
    if (db.engine() == Engine::Sqlite && !db.in_transaction()) {
        std::optional<std::int64_t> version;
        TRY_VOID(db.transaction([&]() -> Result<void> {
            version = TRY(keep_inbox_entry(db, entry));
            return success();
        }));
        return version;
    }
    // Both engines: ON CONFLICT … DO UPDATE … WHERE and RETURNING (SQLite ≥ 3.35). A replay with
    // the same body changes nothing and returns no row, unless the row is already due (its server
    // died, or it was put off): then the replay takes it over, here and now.
    auto keep = TRY(db.prepare(
        "INSERT INTO callback_inbox(gateway, order_key, by_reference, content_type, body, remote_ip, received_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (gateway, order_key) DO UPDATE SET content_type = excluded.content_type, body = excluded.body, "
        "remote_ip = excluded.remote_ip, received_at = excluded.received_at, next_attempt_at = excluded.next_attempt_at, "
        "version = callback_inbox.version + 1 WHERE callback_inbox.body <> excluded.body OR callback_inbox.next_attempt_at <= excluded.received_at "
        "RETURNING version"));
    keep.bind(1, entry.key.gateway).bind(2, entry.key.order_key).bind(3, entry.key.by_reference).bind(4, entry.content_type);
    keep.bind(5, entry.body).bind(6, entry.remote_ip).bind(7, entry.received_at).bind(8, entry.next_attempt_at);
    std::optional<std::int64_t> version;
    if (TRY(keep.step())) version = keep.column_int(0);
    while (TRY(keep.step())) {
    }
    return version;
}

Result<std::vector<InboxEntry>> due_inbox_entries(Database& db, std::int64_t now, int limit) {
    auto due = TRY(db.prepare(
        "SELECT gateway, order_key, by_reference, content_type, body, remote_ip, received_at, next_attempt_at, attempts, version "
        "FROM callback_inbox WHERE next_attempt_at <= ? ORDER BY next_attempt_at, gateway, order_key LIMIT ?"));
    due.bind(1, now).bind(2, std::int64_t{limit});
    std::vector<InboxEntry> entries;
    while (TRY(due.step())) entries.push_back(entry_of(due));
    return entries;
}

Result<bool> delete_inbox_entry(Database& db, const InboxKey& key, std::int64_t version) {
    auto erase = TRY(db.prepare("DELETE FROM callback_inbox WHERE gateway = ? AND order_key = ? AND version = ?"));
    erase.bind(1, key.gateway).bind(2, key.order_key).bind(3, version);
    TRY_VOID(erase.run());
    return db.changes() > 0;
}

Result<void> postpone_inbox_entry(Database& db, const InboxKey& key, std::int64_t version, std::int64_t next_attempt_at) {
    auto later = TRY(db.prepare(
        "UPDATE callback_inbox SET attempts = attempts + 1, next_attempt_at = ? WHERE gateway = ? AND order_key = ? AND version = ?"));
    later.bind(1, next_attempt_at).bind(2, key.gateway).bind(3, key.order_key).bind(4, version);
    return later.run();
}

Result<std::vector<InboxEntry>> list_inbox_entries(Database& db, int page, int per_page) {
    auto rows = TRY(db.prepare(
        "SELECT gateway, order_key, by_reference, content_type, '', remote_ip, received_at, next_attempt_at, attempts, version "
        "FROM callback_inbox ORDER BY received_at, gateway, order_key LIMIT ? OFFSET ?"));
    rows.bind(1, std::int64_t{per_page}).bind(2, (std::int64_t{page} - 1) * per_page);
    std::vector<InboxEntry> entries;
    while (TRY(rows.step())) entries.push_back(entry_of(rows));
    return entries;
}

Result<InboxSize> inbox_size(Database& db) {
    auto size = TRY(db.prepare("SELECT COUNT(*), COALESCE(MIN(received_at), 0) FROM callback_inbox"));
    InboxSize out;
    if (TRY(size.step())) {
        out.rows = size.column_int(0);
        out.oldest_received_at = size.column_int(1);
    }
    return out;
}

}  // namespace kimonet::store
