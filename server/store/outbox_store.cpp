#include "store/outbox_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kCandidateColumns = "SELECT id, attempts, phone, body, template, invoice_id FROM notifications ";

OutboxCandidate row_to_candidate(const Statement& row, bool expired) {
    return OutboxCandidate{row.column_int(0), expired, static_cast<int>(row.column_int(1)), row.column_text(2),
                           row.column_text(3), row.column_text(4), row.column_optional_int(5)};
}

}  // namespace

Result<std::optional<OutboxCandidate>> find_next_outbox_candidate(Database& db, std::string_view message_class, std::int64_t now) {
    // engine: on PostgreSQL (N servers) both reads lock the row they find FOR UPDATE SKIP LOCKED,
    // so two servers claiming at once skip each other's row instead of waiting for it or both
    // taking it; the caller's transaction then marks it 'sending' with a lease (lease_until, from
    // the Clock), and a dead server's lease runs out and the row is taken again (the first query).
    // SQLite has no row locks and serialises the claim with BEGIN IMMEDIATE instead.
    // Each is an index range of notifications_due (status, message_class, next_attempt_at): keep
    // status and message_class as equalities so a long history stays cheap.
    const std::string lock = db.engine() == Engine::Postgresql ? " FOR UPDATE SKIP LOCKED" : "";
    auto expired = TRY(db.prepare(std::string(kCandidateColumns) +
                                  "WHERE status = 'sending' AND message_class = :class AND lease_until <= :now ORDER BY lease_until, id LIMIT 1" + lock));
    expired.bind_named(":class", message_class).bind_named(":now", now);
    if (TRY(expired.step())) return std::optional<OutboxCandidate>(row_to_candidate(expired, true));
    auto queued = TRY(db.prepare(std::string(kCandidateColumns) +
                                 "WHERE status = 'queued' AND message_class = :class AND next_attempt_at <= :now "
                                 "ORDER BY next_attempt_at, id LIMIT 1" + lock));
    queued.bind_named(":class", message_class).bind_named(":now", now);
    if (!TRY(queued.step())) return std::optional<OutboxCandidate>();
    return std::optional<OutboxCandidate>(row_to_candidate(queued, false));
}

Result<std::optional<std::int64_t>> earliest_outbox_work(Database& db, std::string_view message_class) {
    // The derived table is named (`due`): PostgreSQL before 16 refuses an unnamed one.
    auto next = TRY(db.prepare(
        "SELECT MIN(due.at) FROM (SELECT MIN(next_attempt_at) AS at FROM notifications WHERE status = 'queued' AND message_class = :class "
        "UNION ALL SELECT MIN(lease_until) AS at FROM notifications WHERE status = 'sending' AND message_class = :class) AS due"));
    next.bind_named(":class", message_class);
    TRY(next.step());
    return next.column_optional_int(0);
}

Result<bool> has_queued_outbox_message_due(Database& db, std::string_view other_class, std::int64_t until) {
    auto waiting = TRY(db.prepare(
        "SELECT 1 FROM notifications WHERE status = 'queued' AND message_class IN ('bulk', ?) AND next_attempt_at <= ? LIMIT 1"));
    waiting.bind(1, other_class).bind(2, until);
    return TRY(waiting.step());
}

Result<MessengerState> find_messenger_state(Database& db, const std::string& gateway) {
    // engine: with N servers on PostgreSQL this row is the gateway's rate limit shared by all of
    // them: `FOR UPDATE` so two claims cannot both pass the spacing check (the second waits for
    // the first's commit and sees its last_attempt_at). SQLite's BEGIN IMMEDIATE already serialises.
    auto state = TRY(db.prepare(std::string("SELECT last_attempt_at, transactional_streak FROM messenger_state WHERE gateway = ?") +
                                (db.engine() == Engine::Postgresql ? " FOR UPDATE" : "")));
    state.bind(1, gateway);
    MessengerState out;
    if (TRY(state.step())) {
        out.last_attempt_at = state.column_int(0);
        out.transactional_streak = state.column_int(1);
    }
    return out;
}

Result<void> save_messenger_state(Database& db, const std::string& gateway, std::int64_t last_attempt_at, std::int64_t transactional_streak) {
    auto remember = TRY(db.prepare(
        "INSERT INTO messenger_state(gateway, last_attempt_at, transactional_streak) VALUES (?, ?, ?) "
        "ON CONFLICT(gateway) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, transactional_streak = excluded.transactional_streak"));
    remember.bind(1, gateway).bind(2, last_attempt_at).bind(3, transactional_streak);
    return remember.run();
}

Result<void> mark_outbox_sending(Database& db, std::int64_t id, std::int64_t lease_until, const std::string& gateway, std::int64_t now) {
    auto mark = TRY(db.prepare(
        "UPDATE notifications SET status = 'sending', attempts = attempts + 1, lease_until = ?, gateway = ?, updated_at = ? WHERE id = ?"));
    mark.bind(1, lease_until).bind(2, gateway).bind(3, now).bind(4, id);
    return mark.run();
}

Result<void> mark_outbox_cancelled(Database& db, std::int64_t id, const std::string& reason, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE notifications SET status = 'cancelled', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, reason).bind(2, now).bind(3, id);
    return update.run();
}

Result<void> mark_outbox_interrupted_failed(Database& db, std::int64_t id, std::int64_t now) {
    auto fail = TRY(db.prepare(
        "UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = 'interrupted during the last attempt', "
        "updated_at = ? WHERE id = ?"));
    fail.bind(1, now).bind(2, id);
    return fail.run();
}

Result<void> mark_outbox_sent(Database& db, std::int64_t id, int attempts, const std::string& message_id, const std::string& response,
                              std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE notifications SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = '', "
        "gateway_message_id = :message_id, gateway_response = :response, updated_at = :now "
        "WHERE id = :id AND status = 'sending' AND attempts = :attempts"));
    update.bind_named(":now", now).bind_named(":message_id", message_id).bind_named(":response", response).bind_named(":id", id)
        .bind_named(":attempts", std::int64_t{attempts});
    return update.run();
}

Result<void> requeue_outbox_message(Database& db, std::int64_t id, int attempts, std::int64_t next_attempt_at, const std::string& error,
                                    const std::string& response, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE notifications SET status = 'queued', next_attempt_at = :next, lease_until = NULL, last_error = :error, "
        "gateway_response = :response, updated_at = :now WHERE id = :id AND status = 'sending' AND attempts = :attempts"));
    update.bind_named(":next", next_attempt_at).bind_named(":error", error).bind_named(":response", response).bind_named(":now", now)
        .bind_named(":id", id).bind_named(":attempts", std::int64_t{attempts});
    return update.run();
}

Result<void> mark_outbox_failed(Database& db, std::int64_t id, int attempts, const std::string& error, const std::string& response,
                                std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE notifications SET status = 'failed', lease_until = NULL, last_error = :error, gateway_response = :response, "
        "updated_at = :now WHERE id = :id AND status = 'sending' AND attempts = :attempts"));
    update.bind_named(":error", error).bind_named(":response", response).bind_named(":now", now).bind_named(":id", id)
        .bind_named(":attempts", std::int64_t{attempts});
    return update.run();
}

Result<void> insert_notification_attempt(Database& db, std::int64_t notification_id, std::int64_t at, const std::string& gateway,
                                         std::string_view outcome, const std::string& detail) {
    auto insert = TRY(db.prepare("INSERT INTO notification_attempts(notification_id, at, gateway, outcome, detail) VALUES (?,?,?,?,?)"));
    insert.bind(1, notification_id).bind(2, at).bind(3, gateway).bind(4, outcome).bind(5, detail);
    return insert.run();
}

}  // namespace kimonet::store
