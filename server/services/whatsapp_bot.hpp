#pragma once
// The WhatsApp bot: an inbound message from a customer's number gets an answer through the
// outbox ("tagihan" -> unpaid invoices, "bayar" -> payment link, "status", "menu"). A number that
// several subscriptions share is answered for each of them, or for the one it names by nomor
// layanan (whatsapp_bot_subscriptions.hpp). Unknown numbers get a polite "how to register" at most
// once a day. Every message in and out is logged in whatsapp_conversations.
#include <optional>
#include <string>

#include "app/context.hpp"

namespace kimonet::services {

struct InboundMessage {
    std::string driver;      // "fonnte" | "gowa" | "mpwa"
    std::string from;        // as the gateway gives it ("0812…", "62812…@s.whatsapp.net")
    std::string text;
    std::string message_id;  // the gateway's id, when it sends one (makes webhook retries harmless)
};

struct BotReply {
    std::string intent;  // "invoices", "payment_link", "status", "menu", "unknown", "unregistered", "ignored"
    std::optional<std::int64_t> customer_id;  // the subscription answered for (the first, when several)
    std::optional<std::int64_t> notification_id;
    bool queued = false;  // false when the same inbound message was already answered
};

// `base_url` is the fallback for links when the public_base_url setting is empty.
Result<BotReply> handle_inbound_message(app::Context& context, const InboundMessage& message, const std::string& base_url);

}  // namespace kimonet::services
