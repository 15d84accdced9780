#include "store/message_template_store.hpp"

#include "store/transaction_memo.hpp"

namespace kimonet::store {

Result<std::optional<std::string>> find_message_template_body(Database& db, std::string_view key) {
    // Inside a write transaction a template read once stays what it was (store/transaction_memo.hpp).
    const std::string memo_key = "message_templates:" + std::string(key);
    if (const auto* known = remembered(db, memo_key)) return *known;
    auto stored = TRY(db.prepare("SELECT body FROM message_templates WHERE key = ?"));
    stored.bind(1, key);
    std::optional<std::string> body;
    if (TRY(stored.step())) body = stored.column_text(0);
    stored.reset();
    remember(db, memo_key, body);
    return body;
}

Result<void> save_message_template_body(Database& db, std::string_view key, const std::string& body, const std::string& updated_by,
                                        std::int64_t now) {
    forget_remembered(db);
    auto upsert = TRY(db.prepare(
        "INSERT INTO message_templates(key, body, updated_at, updated_by) VALUES (?,?,?,?) "
        "ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
    upsert.bind(1, key).bind(2, body).bind(3, now).bind(4, updated_by);
    return upsert.run();
}

Result<void> delete_message_template(Database& db, std::string_view key) {
    forget_remembered(db);
    auto remove = TRY(db.prepare("DELETE FROM message_templates WHERE key = ?"));
    remove.bind(1, key);
    return remove.run();
}

}  // namespace kimonet::store
