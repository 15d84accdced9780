#include "store/message_template_store.hpp"

namespace kimonet::store {

Result<std::optional<std::string>> find_message_template_body(Database& db, std::string_view key) {
    auto stored = TRY(db.prepare("SELECT body FROM message_templates WHERE key = ?"));
    stored.bind(1, key);
    if (!TRY(stored.step())) return std::optional<std::string>();
    return std::optional<std::string>(stored.column_text(0));
}

Result<void> save_message_template_body(Database& db, std::string_view key, const std::string& body, const std::string& updated_by,
                                        std::int64_t now) {
    auto upsert = TRY(db.prepare(
        "INSERT INTO message_templates(key, body, updated_at, updated_by) VALUES (?,?,?,?) "
        "ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
    upsert.bind(1, key).bind(2, body).bind(3, now).bind(4, updated_by);
    return upsert.run();
}

Result<void> delete_message_template(Database& db, std::string_view key) {
    auto remove = TRY(db.prepare("DELETE FROM message_templates WHERE key = ?"));
    remove.bind(1, key);
    return remove.run();
}

}  // namespace kimonet::store
