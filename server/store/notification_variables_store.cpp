#include "store/notification_variables_store.hpp"

namespace kimonet::store {

Result<void> save_notification_variables(Database& db, std::int64_t id, const std::string& variables_json) {
    auto insert = TRY(db.prepare("INSERT INTO notification_variables(notification_id, variables) VALUES (?, ?) ON CONFLICT(notification_id) DO NOTHING"));
    insert.bind(1, id).bind(2, variables_json);
    return insert.run();
}

Result<void> copy_notification_variables(Database& db, std::int64_t from_id, std::int64_t to_id) {
    auto copy = TRY(db.prepare(
        "INSERT INTO notification_variables(notification_id, variables) SELECT ?, variables FROM notification_variables "
        "WHERE notification_id = ? ON CONFLICT(notification_id) DO NOTHING"));
    copy.bind(1, to_id).bind(2, from_id);
    return copy.run();
}

Result<std::optional<std::string>> find_notification_variables(Database& db, std::int64_t id) {
    auto select = TRY(db.prepare("SELECT variables FROM notification_variables WHERE notification_id = ?"));
    select.bind(1, id);
    if (!TRY(select.step())) return std::optional<std::string>();
    return std::optional<std::string>(select.column_text(0));
}

Result<std::optional<std::int64_t>> mark_sent_notification_undelivered(Database& db, const std::string& gateway_prefix,
                                                                       const std::string& gateway_message_id, const std::string& error,
                                                                       std::int64_t now) {
    if (gateway_message_id.empty()) return std::optional<std::int64_t>();
    auto update = TRY(db.prepare(
        "UPDATE notifications SET status = 'failed', last_error = ?, updated_at = ? "
        "WHERE gateway_message_id = ? AND status = 'sent' AND gateway LIKE ? RETURNING id"));
    // The prefixes are ours ("meta:"), without LIKE's wildcards.
    update.bind(1, error).bind(2, now).bind(3, gateway_message_id).bind(4, gateway_prefix + "%");
    std::optional<std::int64_t> id;
    if (TRY(update.step())) id = update.column_int(0);
    TRY_VOID(update.run());
    return id;
}

}  // namespace kimonet::store
