#pragma once
// Reading the inbound WhatsApp webhooks' bodies, apart from authentication and the bot, so the
// parsing is pure (and fuzzed: tests/fuzz/fuzz_whatsapp_webhooks.cpp).
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet::whatsapp {

struct WebhookMessage {
    std::string from;        // as the gateway gives it ("0812…", "62812…@s.whatsapp.net")
    std::string text;
    std::string message_id;  // the gateway's id, when it sends one
};

// Fonnte (https://docs.fonnte.com/webhook-reply-message): a JSON object (or a form body) {device,
// sender, message, member, name, timestamp, inboxid | id, …}; missing fields are "". The id is
// inboxid (text or number), else id, else one made of sender, timestamp and text, so Fonnte's
// retries (every minute until it gets a 200) read as one message.
WebhookMessage parse_fonnte_webhook(std::string_view body);

// MPWA: a JSON object {from, message, id} (bufferImage for pictures is ignored); missing fields are "".
WebhookMessage parse_mpwa_webhook(std::string_view body);

struct GowaWebhook {
    bool ignored = false;  // another event than "message", or our own outgoing message
    WebhookMessage message;
};

// go-whatsapp-web-multidevice (docs/webhook-payload.md): {"event": "message", "device_id", "payload":
// {id, chat_id, from, body, is_from_me, …}}; other events, our own messages and group, channel or
// status chats (chat_id "…@g.us", "…@newsletter", "status@broadcast") are ignored.
// BadRequest when the body is not a JSON object.
Result<GowaWebhook> parse_gowa_webhook(std::string_view body);

}  // namespace kimonet::whatsapp
