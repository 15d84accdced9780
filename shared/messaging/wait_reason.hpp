#pragma once
// Why WhatsApp messages are waiting, in the order an operator should look: no gateway set up, the
// gateway failing (messages are retried), the quiet hours (bulk messages wait until they end),
// the rate limit (one message every N seconds). Pure: the server reads the outbox state and the
// settings, the WhatsApp screen says it in words.
#include <string>

#include "messaging/delivery_policy.hpp"

namespace kimonet::messaging {

enum class WaitKind { None, Unconfigured, Provider, QuietHours, RateLimit };

struct OutboxState {
    std::int64_t queued = 0;         // messages waiting (status queued)
    bool configured = false;         // a gateway URL is set
    std::string last_retry_error;    // the last error of a waiting message that was tried already
    QuietHours quiet;                // whatsapp_quiet_hours
    int minute_of_day = 0;           // local time now
    std::int64_t rate_seconds = 0;   // whatsapp_rate_limit_seconds
};

struct WaitReason {
    WaitKind kind = WaitKind::None;
    std::string until;        // QuietHours: "07:00"
    std::int64_t seconds = 0;  // RateLimit
    std::string error;        // Provider
};

WaitReason why_messages_wait(const OutboxState& state);
// "none", "unconfigured", "provider", "quiet_hours", "rate_limit" (the wire name).
const char* to_string(WaitKind kind);

}  // namespace kimonet::messaging
