#include "services/outbox.hpp"

#include <algorithm>
#include <vector>

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
    bool cancelled = false;  // a bulk message that no longer applied was dropped
    std::string stopped_by;
    std::optional<std::int64_t> next_due_at;
};

// The next message of one class that may be handed over now.
struct Candidate {
    std::int64_t id = 0;
    bool expired = false;  // an interrupted send whose lease has run out
    int attempts = 0;
    std::string phone;
    std::string body;
    std::string template_key;
    std::optional<std::int64_t> invoice_id;
};

constexpr const char* kTransactional = "transactional";
constexpr const char* kBulk = "bulk";

Result<void> record_attempt(store::Database& db, std::int64_t id, std::int64_t at, const std::string& gateway, const char* outcome,
                            const std::string& detail) {
    auto insert = TRY(db.prepare("INSERT INTO notification_attempts(notification_id, at, gateway, outcome, detail) VALUES (?,?,?,?,?)"));
    insert.bind(1, id).bind(2, at).bind(3, gateway).bind(4, outcome).bind(5, detail);
    return insert.run();
}

// An interrupted send of the class first, then its oldest due message. Each query is an index
// range of notifications_due (status, message_class, next_attempt_at), so a long history stays cheap.
Result<std::optional<Candidate>> next_of_class(store::Database& db, std::int64_t now, const char* message_class) {
    constexpr const char* kColumns = "SELECT id, attempts, phone, body, template, invoice_id FROM notifications ";
    auto expired = TRY(db.prepare(std::string(kColumns) +
                                  "WHERE status = 'sending' AND message_class = :class AND lease_until <= :now ORDER BY lease_until, id LIMIT 1"));
    expired.bind_named(":class", message_class).bind_named(":now", now);
    bool lease_expired = TRY(expired.step());
    store::Statement* found = &expired;
    store::Statement queued;
    if (!lease_expired) {
        queued = TRY(db.prepare(std::string(kColumns) +
                                "WHERE status = 'queued' AND message_class = :class AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT 1"));
        queued.bind_named(":class", message_class).bind_named(":now", now);
        if (!TRY(queued.step())) return std::optional<Candidate>();
        found = &queued;
    }
    Candidate candidate{found->column_int(0), lease_expired, static_cast<int>(found->column_int(1)), found->column_text(2),
                        found->column_text(3), found->column_text(4), found->column_optional_int(5)};
    return std::optional<Candidate>(std::move(candidate));
}

// When calling again can make progress for the classes allowed now.
Result<std::optional<std::int64_t>> earliest_future_work(store::Database& db, const std::vector<const char*>& classes) {
    std::optional<std::int64_t> earliest;
    for (const char* message_class : classes) {
        auto next = TRY(db.prepare(
            "SELECT MIN(t) FROM (SELECT MIN(next_attempt_at) AS t FROM notifications WHERE status = 'queued' AND message_class = ?1 "
            "UNION ALL SELECT MIN(lease_until) FROM notifications WHERE status = 'sending' AND message_class = ?1)"));
        next.bind(1, message_class);
        TRY(next.step());
        if (auto at = next.column_optional_int(0)) earliest = earliest ? std::min(*earliest, *at) : *at;
    }
    return earliest;
}

// Why a bulk message about an invoice no longer applies; empty while it does. Every invoice
// template (reminders, warnings, late-fee and new-invoice notices) asks for a payment, so it lapses
// when the invoice is paid or void, and when the customer is terminated (except a termination
// notice, whose subject that is).
Result<std::string> lapsed_reason(store::Database& db, const Candidate& candidate) {
    if (!candidate.invoice_id) return std::string();
    auto invoice = TRY(db.prepare(
        "SELECT i.invoice_no, i.status, c.status, c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?"));
    invoice.bind(1, *candidate.invoice_id);
    if (!TRY(invoice.step())) return "invoice #" + std::to_string(*candidate.invoice_id) + " no longer exists";
    const std::string number = invoice.column_text(0), status = invoice.column_text(1);
    if (status == "paid" || status == "void") return "invoice " + number + " is " + status;
    if (invoice.column_text(2) == "terminated" && candidate.template_key != "termination_notice")
        return "customer " + invoice.column_text(3) + " is terminated";
    return std::string();
}

Result<void> cancel(store::Database& db, const Candidate& candidate, std::int64_t now, const std::string& gateway, const std::string& reason) {
    auto update = TRY(db.prepare(
        "UPDATE notifications SET status = 'cancelled', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, reason).bind(2, now).bind(3, candidate.id);
    TRY_VOID(update.run());
    return record_attempt(db, candidate.id, now, gateway, "cancelled", reason);
}

// Nothing may be handed over now: why, and when to call again.
Result<void> explain_idle(store::Database& db, ClaimStep& step, const std::vector<const char*>& allowed, bool quiet,
                          std::int64_t quiet_ends_at, bool quiet_transactional) {
    step.next_due_at = TRY(earliest_future_work(db, allowed));
    step.stopped_by = "not_due";
    if (quiet) {
        // A held message that is already due (or will be before morning) waits for the end of the window.
        auto waiting = TRY(db.prepare(
            "SELECT 1 FROM notifications WHERE status = 'queued' AND message_class IN ('bulk', ?) AND next_attempt_at <= ? LIMIT 1"));
        waiting.bind(1, quiet_transactional ? kTransactional : kBulk).bind(2, quiet_ends_at);
        if (TRY(waiting.step())) {
            step.stopped_by = "quiet_hours";
            step.next_due_at = step.next_due_at ? std::min(*step.next_due_at, quiet_ends_at) : quiet_ends_at;
        }
    }
    if (!step.next_due_at && step.stopped_by == "not_due") step.stopped_by = "empty";
    return success();
}

// One transaction: pick the next message (transactional first, with bulk's share), drop it if it
// no longer applies, check the gateway's rate limit, and claim both.
Result<ClaimStep> claim_next(store::Database& db, std::int64_t now, bool quiet, std::int64_t quiet_ends_at, const std::string& gateway,
                             const OutboxLimits& limits) {
    ClaimStep step;
    TRY_VOID(db.transaction([&]() -> Result<void> {
        std::vector<const char*> allowed;
        if (!quiet || !limits.quiet_transactional) allowed.push_back(kTransactional);
        if (!quiet) allowed.push_back(kBulk);
        std::optional<Candidate> transactional, bulk;
        for (const char* message_class : allowed)
            (message_class == kTransactional ? transactional : bulk) = TRY(next_of_class(db, now, message_class));
        if (!transactional && !bulk) return explain_idle(db, step, allowed, quiet, quiet_ends_at, limits.quiet_transactional);

        std::optional<std::int64_t> last_attempt_at;
        std::int64_t streak = 0;
        auto state = TRY(db.prepare("SELECT last_attempt_at, transactional_streak FROM messenger_state WHERE gateway = ?"));
        state.bind(1, gateway);
        if (TRY(state.step())) {
            last_attempt_at = state.column_int(0);
            streak = state.column_int(1);
        }
        const bool bulk_turn = !transactional || (bulk && streak >= limits.transactional_burst);
        const Candidate& chosen = bulk_turn ? *bulk : *transactional;
        if (bulk_turn) {
            // Dropping a message that no longer applies needs no gateway slot: the next one goes on.
            if (const std::string reason = TRY(lapsed_reason(db, chosen)); !reason.empty()) {
                step.cancelled = true;
                return cancel(db, chosen, now, gateway, reason);
            }
        }
        if (last_attempt_at && now < *last_attempt_at + limits.rate_seconds) {
            step.stopped_by = "rate_limit";
            step.next_due_at = *last_attempt_at + limits.rate_seconds;
            return success();
        }
        if (chosen.expired) {
            step.lease_expired = true;
            TRY_VOID(record_attempt(db, chosen.id, now, gateway, "lease_expired", "the worker stopped during the send; it may have been delivered"));
            if (chosen.attempts >= limits.max_attempts) {
                auto fail = TRY(db.prepare(
                    "UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = 'interrupted during the last attempt', "
                    "updated_at = ? WHERE id = ?"));
                fail.bind(1, now).bind(2, chosen.id);
                TRY_VOID(fail.run());
                step.gave_up_on_expired_lease = true;
                return success();
            }
        }
        auto mark = TRY(db.prepare(
            "UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = ?, gateway = ?, updated_at = ? WHERE id = ?"));
        mark.bind(1, now + limits.lease_seconds).bind(2, gateway).bind(3, now).bind(4, chosen.id);
        TRY_VOID(mark.run());
        // The streak counts transactional sends that kept a due bulk message waiting.
        const std::int64_t next_streak = !bulk_turn && bulk ? streak + 1 : 0;
        auto remember = TRY(db.prepare(
            "INSERT INTO messenger_state(gateway, last_attempt_at, transactional_streak) VALUES (?, ?, ?) "
            "ON CONFLICT(gateway) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, transactional_streak = excluded.transactional_streak"));
        remember.bind(1, gateway).bind(2, now).bind(3, next_streak);
        TRY_VOID(remember.run());
        step.claim = Claim{chosen.id, chosen.attempts + 1, chosen.phone, chosen.body};
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
    limits.quiet_transactional = TRY(get_setting(db, "whatsapp_quiet_hours_transactional")) == "1";
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
        if (step.cancelled) {
            ++report.cancelled;
            continue;
        }
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
