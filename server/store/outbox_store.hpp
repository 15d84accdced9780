#pragma once
// The outbox worker's rows: claiming the next due message of a class, its lease, the outcome of a
// send, the attempt log and the per-gateway rate-limit memory (messenger_state).
// Writes assume the caller holds the transaction (services/outbox.cpp claims and finishes each
// message in one db.transaction).
//
// Engine note (N servers, issue #17): on SQLite the claim is safe because the whole claim runs in
// one BEGIN IMMEDIATE transaction (one writer at a time). On PostgreSQL the two candidate reads
// (find_next_outbox_candidate) lock their row `FOR UPDATE SKIP LOCKED` and messenger_state is read
// `FOR UPDATE`, so two servers claiming at once skip each other's row instead of waiting for it or
// both taking it; the lease (lease_until) makes a dead server's message due again.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// A message of one class that may be handed to the gateway now.
struct OutboxCandidate {
    std::int64_t id = 0;
    bool expired = false;  // an interrupted send whose lease has run out
    int attempts = 0;
    std::string phone;
    std::string body;
    std::string template_key;
    std::optional<std::int64_t> invoice_id;
};

// The next message of `message_class` ("transactional" / "bulk"): an interrupted send whose lease
// ran out first, then the oldest due queued one. Both are index ranges of notifications_due
// (status, message_class, next_attempt_at).
Result<std::optional<OutboxCandidate>> find_next_outbox_candidate(Database& db, std::string_view message_class, std::int64_t now);
// The earliest next_attempt_at (queued) or lease_until (sending) of the class; none when empty.
Result<std::optional<std::int64_t>> earliest_outbox_work(Database& db, std::string_view message_class);
// True when a queued bulk message, or one of `other_class`, is due by `until` (held by quiet hours).
Result<bool> has_queued_outbox_message_due(Database& db, std::string_view other_class, std::int64_t until);

// The rate limit's memory per gateway.
struct MessengerState {
    std::optional<std::int64_t> last_attempt_at;
    std::int64_t transactional_streak = 0;
};
Result<MessengerState> find_messenger_state(Database& db, const std::string& gateway);
Result<void> save_messenger_state(Database& db, const std::string& gateway, std::int64_t last_attempt_at, std::int64_t transactional_streak);

// Claim: status sending, one more attempt, leased until `lease_until`.
Result<void> mark_outbox_sending(Database& db, std::int64_t id, std::int64_t lease_until, const std::string& gateway, std::int64_t now);
// A bulk message that no longer applies: cancelled with `reason`.
Result<void> mark_outbox_cancelled(Database& db, std::int64_t id, const std::string& reason, std::int64_t now);
// An interrupted send that used its last attempt.
Result<void> mark_outbox_interrupted_failed(Database& db, std::int64_t id, std::int64_t now);

// The outcome of the send claimed with `attempts` (the claim's token: a stale worker changes nothing).
Result<void> mark_outbox_sent(Database& db, std::int64_t id, int attempts, const std::string& message_id, const std::string& response,
                              std::int64_t now);
Result<void> requeue_outbox_message(Database& db, std::int64_t id, int attempts, std::int64_t next_attempt_at, const std::string& error,
                                    const std::string& response, std::int64_t now);
Result<void> mark_outbox_failed(Database& db, std::int64_t id, int attempts, const std::string& error, const std::string& response,
                                std::int64_t now);

// One line of the attempt log (notification_attempts).
Result<void> insert_notification_attempt(Database& db, std::int64_t notification_id, std::int64_t at, const std::string& gateway,
                                         std::string_view outcome, const std::string& detail);

}  // namespace kimonet::store
