#include "store/whatsapp_bot_store.hpp"

namespace kimonet::store {

Result<void> insert_conversation(Database& db, const ConversationEntry& entry) {
    auto insert = TRY(db.prepare(
        "INSERT INTO whatsapp_conversations(at, direction, driver, phone, customer_id, message, intent, gateway_message_id, notification_id) "
        "VALUES (?,?,?,?,?,?,?,?,?)"));
    insert.bind(1, entry.at).bind(2, entry.direction).bind(3, entry.driver).bind(4, entry.phone).bind(5, entry.customer_id)
        .bind(6, entry.message).bind(7, entry.intent).bind(8, entry.gateway_message_id).bind(9, entry.notification_id);
    return insert.run();
}

}  // namespace kimonet::store
