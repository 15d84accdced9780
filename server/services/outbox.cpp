#include "services/outbox.hpp"

#include <algorithm>

#include "services/settings.hpp"

namespace kimonet::services {

namespace {

struct Claim {
    std::int64_t id = 0;
    int attempts = 0;  // after this claim; also the claim's token
    std::string phone;
    std::string body;
};

// What the claim step decided.
struct ClaimStep {
    std::optional<Claim> claim;
    bool gave_up_on_expired_lease = false;
    bool lease_expired = false;
    std::string stopped_by;
    std::optional<std::int64_t> next_due_at;
};

Result<void> record_attempt(store::Database& db, std::int64_t id, std::int64_t at, const std::string& gateway, const char* outcome,
                            const std::string& detail) {
    auto insert = TRY(db.prepare("INSERT INTO notification_attempts(notification_id, at, gateway, outcome, detail) VALUES (?,?,?,?,?)"));
    insert.bind(1, id).bind(2, at).bind(3, gateway).bind(4, outcome).bind(5, detail);
    return insert.run();
}

Result<std::optional<std::int64_t>> earliest_future_work(store::Database& db, bool quiet) {
    auto next = TRY(db.prepare(
        "SELECT MIN(t) FROM (SELECT MIN(next_attempt_at) AS t FROM notifications WHERE status = 'queued' AND (priority > 0 OR ?1 = 0) "
        "UNION ALL SELECT MIN(lease_until) FROM notifications WHERE status = 'sending' AND (priority > 0 OR ?2 = 0))"));
    next.bind(1, quiet ? 1 : 0);
    TRY(next.step());
    return next.column_optional_int(0);
}

// One transaction: pick the next due message, check the gateway's rate limit, and claim both.
Result<ClaimStep> claim_next(store::Database& db, std::int64_t now, bool quiet, std::int64_t quiet_ends_at, const std::string& gateway,
                             const OutboxLimits& limits) {
    ClaimStep step;
    TRY_VOID(db.transaction([&]() -> Result<void> {
        // Conversational replies first, then interrupted sends, then everything else; each query
        // is an index range (status, priority, next_attempt_at), so a long history stays cheap.
        auto candidate = TRY(db.prepare(
            "SELECT id, status, attempts, phone, body FROM notifications WHERE status = 'queued' AND priority = 1 "
            "AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT 1"));
        candidate.bind_named(":now", now);
        bool found = TRY(candidate.step());
        if (!found) {
            candidate = TRY(db.prepare(
                "SELECT id, status, attempts, phone, body FROM notifications WHERE status = 'sending' AND lease_until <= :now "
                "AND (priority = 1 OR :quiet = 0) ORDER BY lease_until, id LIMIT 1"));
            candidate.bind_named(":now", now).bind_named(":quiet", std::int64_t{quiet ? 1 : 0});
            found = TRY(candidate.step());
        }
        if (!found && !quiet) {
            candidate = TRY(db.prepare(
                "SELECT id, status, attempts, phone, body FROM notifications WHERE status = 'queued' AND priority = 0 "
                "AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT 1"));
            candidate.bind_named(":now", now);
            found = TRY(candidate.step());
        }
        if (!found) {
            step.next_due_at = TRY(earliest_future_work(db, quiet));
            step.stopped_by = "not_due";
            if (quiet) {
                // Anything ordinary that is already due waits for the end of the quiet window.
                auto waiting = TRY(db.prepare("SELECT COUNT(*) FROM notifications WHERE status = 'queued' AND priority = 0 AND next_attempt_at <= ?"));
                waiting.bind(1, quiet_ends_at);
                TRY(waiting.step());
                if (waiting.column_int(0) > 0) {
                    step.stopped_by = "quiet_hours";
                    step.next_due_at = step.next_due_at ? std::min(*step.next_due_at, quiet_ends_at) : quiet_ends_at;
                }
            }
            if (!step.next_due_at && step.stopped_by == "not_due") step.stopped_by = "empty";
            return success();
        }
        const std::int64_t id = candidate.column_int(0);
        const bool expired = candidate.column_text(1) == "sending";
        const int attempts = static_cast<int>(candidate.column_int(2));
        auto last = TRY(db.prepare("SELECT last_attempt_at FROM messenger_state WHERE gateway = ?"));
        last.bind(1, gateway);
        if (TRY(last.step()) && now < last.column_int(0) + limits.rate_seconds) {
            step.stopped_by = "rate_limit";
            step.next_due_at = last.column_int(0) + limits.rate_seconds;
            return success();
        }
        if (expired) {
            step.lease_expired = true;
            TRY_VOID(record_attempt(db, id, now, gateway, "lease_expired", "the worker stopped during the send; it may have been delivered"));
            if (attempts >= limits.max_attempts) {
                auto fail = TRY(db.prepare(
                    "UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = 'interrupted during the last attempt', "
                    "updated_at = ? WHERE id = ?"));
                fail.bind(1, now).bind(2, id);
                TRY_VOID(fail.run());
                step.gave_up_on_expired_lease = true;
                return success();
            }
        }
        auto mark = TRY(db.prepare(
            "UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = ?, gateway = ?, updated_at = ? WHERE id = ?"));
        mark.bind(1, now + limits.lease_seconds).bind(2, gateway).bind(3, now).bind(4, id);
        TRY_VOID(mark.run());
        auto remember = TRY(db.prepare(
            "INSERT INTO messenger_state(gateway, last_attempt_at) VALUES (?, ?) "
            "ON CONFLICT(gateway) DO UPDATE SET last_attempt_at = excluded.last_attempt_at"));
        remember.bind(1, gateway).bind(2, now);
        TRY_VOID(remember.run());
        step.claim = Claim{id, attempts + 1, candidate.column_text(3), candidate.column_text(4)};
        return success();
    }));
    return step;
}

enum class Finish { Sent, Retried, Failed };

Result<Finish> finish(store::Database& db, const Claim& claim, const whatsapp::SendOutcome& outcome, std::int64_t now,
                      const std::string& gateway, const OutboxLimits& limits) {
    Finish result = Finish::Sent;
    TRY_VOID(db.transaction([&]() -> Result<void> {
        store::Statement update;
        if (outcome.delivered) {
            update = TRY(db.prepare(
                "UPDATE notifications SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = '', "
                "gateway_message_id = :message_id, gateway_response = :response, updated_at = :now "
                "WHERE id = :id AND status = 'sending' AND attempts = :attempts"));
            update.bind_named(":message_id", outcome.message_id);
        } else if (outcome.retryable && claim.attempts < limits.max_attempts) {
            result = Finish::Retried;
            update = TRY(db.prepare(
                "UPDATE notifications SET status = 'queued', next_attempt_at = :next, lease_until = NULL, last_error = :error, "
                "gateway_response = :response, updated_at = :now WHERE id = :id AND status = 'sending' AND attempts = :attempts"));
            update.bind_named(":next", now + messaging::retry_delay_seconds(claim.attempts, limits.backoff_base_seconds, limits.backoff_cap_seconds));
        } else {
            result = Finish::Failed;
            update = TRY(db.prepare(
                "UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = :error, gateway_response = :response, "
                "updated_at = :now WHERE id = :id AND status = 'sending' AND attempts = :attempts"));
        }
        update.bind_named(":now", now).bind_named(":response", outcome.response).bind_named(":error", outcome.error)
            .bind_named(":id", claim.id).bind_named(":attempts", std::int64_t{claim.attempts});
        TRY_VOID(update.run());
        const char* label = result == Finish::Sent ? "sent" : result == Finish::Retried ? "retry" : "failed";
        return record_attempt(db, claim.id, now, gateway, label, outcome.delivered ? outcome.message_id : outcome.error);
    }));
    return result;
}

}  // namespace

Result<OutboxLimits> outbox_limits(store::Database& db) {
    OutboxLimits limits;
    limits.rate_seconds = std::max<std::int64_t>(0, TRY(get_setting_int(db, "whatsapp_rate_limit_seconds")));
    limits.max_attempts = static_cast<int>(std::max<std::int64_t>(1, TRY(get_setting_int(db, "whatsapp_max_attempts"))));
    auto quiet = messaging::parse_quiet_hours(TRY(get_setting(db, "whatsapp_quiet_hours")));
    if (quiet) limits.quiet = *quiet;
    const std::int64_t timeout = TRY(get_setting_int(db, "whatsapp_timeout_seconds"));
    // The lease must outlive one send, however slow the gateway is allowed to be.
    limits.lease_seconds = std::max<std::int64_t>(limits.lease_seconds, timeout * 3);
    return limits;
}

Result<DrainReport> drain_outbox(store::Database& db, const app::Clock& clock, UtcOffset offset, whatsapp::Messenger& messenger,
                                 const OutboxLimits& limits) {
    DrainReport report;
    const std::string gateway = messenger.gateway_key();
    for (int handled = 0;; ++handled) {
        if (handled >= limits.max_messages) {
            report.stopped_by = "batch_limit";
            report.next_due_at = clock.now();
            break;
        }
        const std::int64_t now = clock.now();
        const LocalDateTime local = local_from_unix(now, offset);
        const int minute = local.hour * 60 + local.minute;
        const bool quiet = messaging::is_quiet(limits.quiet, minute);
        const std::int64_t quiet_ends_at = now + messaging::minutes_until_quiet_ends(limits.quiet, minute) * 60 - (quiet ? local.second : 0);
        const ClaimStep step = TRY(claim_next(db, now, quiet, quiet_ends_at, gateway, limits));
        if (step.lease_expired) ++report.expired_leases;
        if (step.gave_up_on_expired_lease) {
            ++report.failed;
            continue;
        }
        if (!step.claim) {
            report.stopped_by = step.stopped_by;
            report.next_due_at = step.next_due_at;
            break;
        }
        const whatsapp::SendOutcome outcome = messenger.send(step.claim->phone, step.claim->body);
        switch (TRY(finish(db, *step.claim, outcome, clock.now(), gateway, limits))) {
            case Finish::Sent: ++report.sent; break;
            case Finish::Retried: ++report.retried; break;
            case Finish::Failed: ++report.failed; break;
        }
    }
    return report;
}

}  // namespace kimonet::services
