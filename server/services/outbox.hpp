#pragma once
// The outbox worker's one step: send the messages that are due, one at a time, through one
// gateway, respecting its rate limit (remembered in the database, so it survives restarts and
// holds across several workers), quiet hours, retries with exponential backoff and a lease that
// lets a crashed send be retried (the gateway's own at-least-once, never a loss).
//
// Two classes share the gateway's one rate limit (services::MessageClass): transactional messages
// go first, but after `transactional_burst` transactional sends in a row while a bulk message was
// due, one bulk message goes, so bulk gets at least 1/(burst+1) of the rate under any stream of
// receipts and bot replies. Quiet hours hold bulk messages, and transactional ones only when the
// operator says so (whatsapp_quiet_hours_transactional). A bulk message about an invoice is
// re-checked in the claim's transaction and cancelled (logged in notification_attempts) when the
// invoice is paid or void or its customer terminated.
// Failover (issue 22, docs/integrations/whatsapp-failover.md#failover): with a backup gateway, a message
// whose send the primary answered with a failure that may pass (5xx, refused connection, device
// disconnected, bad token) goes back to the queue due at once and is sent through the backup, with
// the backup's own rate limit, and the rest of the drain uses the backup too; while the session
// health job holds an incident open for the primary, the drain starts on the backup. The claim and
// its lease are unchanged, so a message is still handed to exactly one gateway per claim: never
// lost, and never sent twice, except where the primary gave no answer at all (a timeout: it may
// have sent it), which is retried after the usual backoff instead of being moved at once.
// Time comes from the Clock passed in, so tests drive it with a ManualClock and no sleeps.
#include <cstdint>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/context.hpp"
#include "messaging/delivery_policy.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::services {

struct OutboxLimits {
    std::int64_t rate_seconds = 2;          // at most one message per this many seconds per gateway
    messaging::QuietHours quiet;            // no bulk messages in this local window
    bool quiet_transactional = false;       // true: transactional messages wait for the window's end too
    int transactional_burst = 4;            // transactional sends in a row while bulk is due, then one bulk
    int max_attempts = 8;                   // then the message is failed
    std::int64_t lease_seconds = 300;       // a claimed message is due again after this (crash recovery)
    std::int64_t backoff_base_seconds = 60; // first retry delay, doubled each attempt
    std::int64_t backoff_cap_seconds = 3600;
    int max_messages = 1000;                // per drain call
};

// The limits from the whatsapp_* settings.
Result<OutboxLimits> outbox_limits(store::Database& db);

struct DrainReport {
    int sent = 0;
    int retried = 0;   // failed this time, queued again with backoff
    int failed = 0;    // gave up (max attempts or a permanent refusal)
    int cancelled = 0; // bulk messages about an invoice that no longer applied, dropped unsent
    int expired_leases = 0;
    // Why the drain stopped: "empty", "rate_limit", "quiet_hours", "not_due", "batch_limit".
    std::string stopped_by = "empty";
    std::optional<std::int64_t> next_due_at;  // when calling again can make progress
    int failed_over = 0;  // sends the primary failed that went back to the queue for the backup
};

// The gateways one drain may use.
struct OutboxMessengers {
    whatsapp::Messenger& primary;
    whatsapp::Messenger* backup = nullptr;  // none: no failover
    bool primary_down = false;              // an open session incident: start on the backup
};

Result<DrainReport> drain_outbox(store::Database& db, const app::Clock& clock, UtcOffset offset, whatsapp::Messenger& messenger,
                                 const OutboxLimits& limits);
Result<DrainReport> drain_outbox(store::Database& db, const app::Clock& clock, UtcOffset offset, const OutboxMessengers& messengers,
                                 const OutboxLimits& limits);

}  // namespace kimonet::services
