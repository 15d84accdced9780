#pragma once
// The WhatsApp bot's conversation log (whatsapp_conversations): what came in and what we answered.
// Writes assume the caller holds the transaction (services/whatsapp_bot.cpp).
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

struct ConversationEntry {
    std::int64_t at = 0;
    std::string direction;  // "in" or "out"
    std::string driver;
    std::string phone;
    std::optional<std::int64_t> customer_id;
    std::string message;
    std::string intent;
    std::string gateway_message_id;  // inbound only
    std::optional<std::int64_t> notification_id;
};
Result<void> insert_conversation(Database& db, const ConversationEntry& entry);

}  // namespace kimonet::store
