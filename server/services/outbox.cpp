#include "services/outbox.hpp"

#include <algorithm>
#include <vector>

#include "core/whatsapp_failover_messages.hpp"
#include "network/peer_replies.hpp"
#include "services/settings.hpp"
#include "api/json_fields.hpp"
#include "store/messaging_lookups.hpp"
#include "store/notification_variables_store.hpp"
#include "whatsapp/messenger_templates.hpp"
#include "store/outbox_store.hpp"

namespace kimonet::services {

namespace {

struct Claim {
    std::int64_t id = 0;
    int attempts = 0;  // after this claim; also the claim's token
    std::string phone;
    std::string body;
    std::string template_key;
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

using store::OutboxCandidate;

constexpr const char* kTransactional = "transactional";
constexpr const char* kBulk = "bulk";

Result<void> record_attempt(store::Database& db, std::int64_t id, std::int64_t at, const std::string& gateway, const char* outcome,
                            const std::string& detail) {
    return store::insert_notification_attempt(db, id, at, gateway, outcome, detail);
}

// When calling again can make progress for the classes allowed now.
Result<std::optional<std::int64_t>> earliest_future_work(store::Database& db, const std::vector<const char*>& classes) {
    std::optional<std::int64_t> earliest;
    for (const char* message_class : classes)
        if (auto at = TRY(store::earliest_outbox_work(db, message_class))) earliest = earliest ? std::min(*earliest, *at) : *at;
    return earliest;
}

// Why a bulk message about an invoice no longer applies; empty while it does. Every invoice
// template (reminders, warnings, late-fee and new-invoice notices) asks for a payment, so it lapses
// when the invoice is paid or void, and when the customer is terminated (except a termination
// notice, whose subject that is).
Result<std::string> lapsed_reason(store::Database& db, const OutboxCandidate& candidate) {
    if (!candidate.invoice_id) return std::string();
    const auto invoice = TRY(store::find_invoice_standing(db, *candidate.invoice_id));
    if (!invoice) return "invoice #" + std::to_string(*candidate.invoice_id) + " no longer exists";
    const std::string& number = invoice->invoice_no;
    const std::string& status = invoice->invoice_status;
    if (status == "paid" || status == "void") return "invoice " + number + " is " + status;
    if (invoice->customer_status == "terminated" && candidate.template_key != "termination_notice")
        return "customer " + invoice->service_number + " is terminated";
    return std::string();
}

Result<void> cancel(store::Database& db, const OutboxCandidate& candidate, std::int64_t now, const std::string& gateway, const std::string& reason) {
    TRY_VOID(store::mark_outbox_cancelled(db, candidate.id, reason, now));
    return record_attempt(db, candidate.id, now, gateway, "cancelled", reason);
}

// Nothing may be handed over now: why, and when to call again.
Result<void> explain_idle(store::Database& db, ClaimStep& step, const std::vector<const char*>& allowed, bool quiet,
                          std::int64_t quiet_ends_at, bool quiet_transactional) {
    step.next_due_at = TRY(earliest_future_work(db, allowed));
    step.stopped_by = "not_due";
    if (quiet) {
        // A held message that is already due (or will be before morning) waits for the end of the window.
        if (TRY(store::has_queued_outbox_message_due(db, quiet_transactional ? kTransactional : kBulk, quiet_ends_at))) {
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
        std::optional<OutboxCandidate> transactional, bulk;
        for (const char* message_class : allowed)
            (message_class == kTransactional ? transactional : bulk) = TRY(store::find_next_outbox_candidate(db, message_class, now));
        if (!transactional && !bulk) return explain_idle(db, step, allowed, quiet, quiet_ends_at, limits.quiet_transactional);

        const store::MessengerState state = TRY(store::find_messenger_state(db, gateway));
        const std::optional<std::int64_t> last_attempt_at = state.last_attempt_at;
        const std::int64_t streak = state.transactional_streak;
        const bool bulk_turn = !transactional || (bulk && streak >= limits.transactional_burst);
        const OutboxCandidate& chosen = bulk_turn ? *bulk : *transactional;
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
                TRY_VOID(store::mark_outbox_interrupted_failed(db, chosen.id, now));
                step.gave_up_on_expired_lease = true;
                return success();
            }
        }
        TRY_VOID(store::mark_outbox_sending(db, chosen.id, now + limits.lease_seconds, gateway, now));
        // The streak counts transactional sends that kept a due bulk message waiting.
        const std::int64_t next_streak = !bulk_turn && bulk ? streak + 1 : 0;
        TRY_VOID(store::save_messenger_state(db, gateway, now, next_streak));
        step.claim = Claim{chosen.id, chosen.attempts + 1, chosen.phone, chosen.body, chosen.template_key};
        return success();
    }));
    return step;
}

// Sends the claimed message: as text, or to a provider with templates (Meta) with its kind and the
// variables it was rendered with (whatsapp/messenger_templates.hpp).
Result<whatsapp::SendOutcome> send_claimed(store::Database& db, whatsapp::Messenger& messenger, const Claim& claim) {
    auto* templated = dynamic_cast<whatsapp::TemplateMessenger*>(&messenger);
    if (!templated) return messenger.send(claim.phone, claim.body);
    whatsapp::OutgoingMessage message{claim.phone, claim.body, claim.template_key, {}};
    if (!claim.template_key.empty()) {
        if (const auto stored = TRY(store::find_notification_variables(db, claim.id))) {
            const api::Json variables = api::parse_json(*stored);
            if (variables.is_object())
                for (const auto& [name, value] : variables.items())
                    if (value.is_string()) message.variables[name] = value.get<std::string>();
        }
    }
    return templated->send_message(message);
}

// What a gateway said goes into the outbox and its attempt log bounded and printable, whichever
// adapter read it: its message id, its refusal's reason, its answer (a gateway may be hostile).
whatsapp::SendOutcome kept_outcome(whatsapp::SendOutcome outcome) {
    constexpr std::size_t kKeptMessageIdBytes = 200;
    outcome.message_id = network::peer_words(outcome.message_id, kKeptMessageIdBytes);
    outcome.error = network::peer_words(outcome.error);
    outcome.response = network::peer_words(outcome.response);
    return outcome;
}

enum class Finish { Sent, Retried, Failed };

Result<Finish> finish(store::Database& db, const Claim& claim, const whatsapp::SendOutcome& outcome, std::int64_t now,
                      const std::string& gateway, const OutboxLimits& limits) {
    Finish result = Finish::Sent;
    TRY_VOID(db.transaction([&]() -> Result<void> {
        if (outcome.delivered) {
            TRY_VOID(store::mark_outbox_sent(db, claim.id, claim.attempts, outcome.message_id, outcome.response, now));
        } else if (outcome.retryable && claim.attempts < limits.max_attempts) {
            result = Finish::Retried;
            const std::int64_t next =
                now + messaging::retry_delay_seconds(claim.attempts, limits.backoff_base_seconds, limits.backoff_cap_seconds);
            TRY_VOID(store::requeue_outbox_message(db, claim.id, claim.attempts, next, outcome.error, outcome.response, now));
        } else {
            result = Finish::Failed;
            TRY_VOID(store::mark_outbox_failed(db, claim.id, claim.attempts, outcome.error, outcome.response, now));
        }
        const char* label = result == Finish::Sent ? "sent" : result == Finish::Retried ? "retry" : "failed";
        return record_attempt(db, claim.id, now, gateway, label, outcome.delivered ? outcome.message_id : outcome.error);
    }));
    return result;
}

// A failure the backup may not share: one the primary may get over (not a bad number, which
// every gateway refuses) and one it answered. A timeout (whatsapp::transport_failure's
// kGatewayTimedOut) may have delivered: it is retried after the backoff like before, not moved.
bool moves_to_backup(const whatsapp::SendOutcome& outcome) {
    return !outcome.delivered && outcome.retryable && !outcome.error.starts_with(messages::kGatewayTimedOut);
}

// The primary failed: the claim goes back to the queue due now (its token checked like any
// outcome, so a stale worker changes nothing), for the next claim on the backup.
Result<void> hand_to_backup(store::Database& db, const Claim& claim, const whatsapp::SendOutcome& outcome, std::int64_t now,
                            const std::string& gateway) {
    return db.transaction([&]() -> Result<void> {
        TRY_VOID(store::requeue_outbox_message(db, claim.id, claim.attempts, now, outcome.error, outcome.response, now));
        return record_attempt(db, claim.id, now, gateway, "retry", messages::with_detail(messages::kWhatsappFailedOver, outcome.error));
    });
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
    return drain_outbox(db, clock, offset, OutboxMessengers{messenger}, limits);
}

Result<DrainReport> drain_outbox(store::Database& db, const app::Clock& clock, UtcOffset offset, const OutboxMessengers& messengers,
                                 const OutboxLimits& limits) {
    DrainReport report;
    bool on_backup = messengers.backup && messengers.primary_down;
    for (int handled = 0;; ++handled) {
        if (handled >= limits.max_messages) {
            report.stopped_by = "batch_limit";
            report.next_due_at = clock.now();
            break;
        }
        whatsapp::Messenger& messenger = on_backup ? *messengers.backup : messengers.primary;
        const std::string gateway = messenger.gateway_key();
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
        const whatsapp::SendOutcome outcome = kept_outcome(TRY(send_claimed(db, messenger, *step.claim)));
        if (!on_backup && messengers.backup && moves_to_backup(outcome)) {
            TRY_VOID(hand_to_backup(db, *step.claim, outcome, clock.now(), gateway));
            ++report.failed_over;
            on_backup = true;
            continue;
        }
        switch (TRY(finish(db, *step.claim, outcome, clock.now(), gateway, limits))) {
            case Finish::Sent: ++report.sent; break;
            case Finish::Retried: ++report.retried; break;
            case Finish::Failed: ++report.failed; break;
        }
    }
    return report;
}

}  // namespace kimonet::services
