#include "store/email_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kEmailColumns =
    "SELECT id, idempotency_key, customer_id, invoice_id, to_address, subject, body_text, body_html, attach_invoice_id, status, attempts, "
    "next_attempt_at, message_id, last_error, created_by, created_at, sent_at FROM email_outbox ";

EmailRow email_row_from(const Statement& row, bool expired) {
    EmailRow out;
    out.id = row.column_int(0);
    out.key = row.column_text(1);
    out.customer_id = row.column_optional_int(2);
    out.invoice_id = row.column_optional_int(3);
    out.to_address = row.column_text(4);
    out.subject = row.column_text(5);
    out.body_text = row.column_text(6);
    out.body_html = row.column_text(7);
    out.attach_invoice_id = row.column_optional_int(8);
    out.status = row.column_text(9);
    out.attempts = static_cast<int>(row.column_int(10));
    out.next_attempt_at = row.column_int(11);
    out.message_id = row.column_text(12);
    out.last_error = row.column_text(13);
    out.created_by = row.column_text(14);
    out.created_at = row.column_int(15);
    out.sent_at = row.column_optional_int(16);
    out.expired = expired;
    return out;
}

// The message's status and error: the email row or the WhatsApp notification the send queued, or
// the outcome of a document sent at once.
constexpr const char* kInvoiceSendColumns =
    "SELECT s.id, s.invoice_id, s.actor_type, s.actor_id, s.actor_name, s.channel, s.recipient, s.sent_as, s.idempotency_key, "
    "COALESCE(e.status, n.status, s.direct_outcome), COALESCE(e.last_error, n.last_error, ''), s.created_at FROM invoice_sends s "
    "LEFT JOIN email_outbox e ON e.id = s.email_id LEFT JOIN notifications n ON n.id = s.notification_id ";

InvoiceSendRow invoice_send_from(const Statement& row) {
    return InvoiceSendRow{row.column_int(0),   row.column_int(1), row.column_text(2), row.column_int(3),
                          row.column_text(4),  row.column_text(5),  row.column_text(6), row.column_text(7),
                          row.column_text(8),  row.column_text(9),  row.column_text(10), row.column_int(11)};
}

}  // namespace

Result<std::optional<std::int64_t>> insert_email(Database& db, const NewEmail& email, std::int64_t now) {
    auto insert = TRY(db.prepare(
        "INSERT INTO email_outbox(idempotency_key, customer_id, invoice_id, to_address, subject, body_text, body_html, attach_invoice_id, "
        "status, next_attempt_at, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?, 'queued', ?,?,?,?) "
        "ON CONFLICT(idempotency_key) DO NOTHING RETURNING id"));
    insert.bind(1, email.key).bind(2, email.customer_id).bind(3, email.invoice_id).bind(4, email.to_address).bind(5, email.subject)
        .bind(6, email.body_text).bind(7, email.body_html).bind(8, email.attach_invoice_id).bind(9, now).bind(10, email.created_by)
        .bind(11, now).bind(12, now);
    std::optional<std::int64_t> id;
    if (TRY(insert.step())) id = insert.column_int(0);
    TRY_VOID(insert.run());
    return id;
}

Result<std::optional<std::int64_t>> find_email_id_by_key(Database& db, const std::string& key) {
    auto found = TRY(db.prepare("SELECT id FROM email_outbox WHERE idempotency_key = ?"));
    found.bind(1, key);
    if (!TRY(found.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(found.column_int(0));
}

Result<std::optional<EmailRow>> find_email(Database& db, std::int64_t id) {
    auto found = TRY(db.prepare(std::string(kEmailColumns) + "WHERE id = ?"));
    found.bind(1, id);
    if (!TRY(found.step())) return std::optional<EmailRow>();
    return std::optional<EmailRow>(email_row_from(found, false));
}

Result<std::optional<EmailRow>> find_next_email_candidate(Database& db, std::int64_t now) {
    // engine: see the header; each read is an index range of email_outbox_due (status, next_attempt_at).
    const std::string lock = db.engine() == Engine::Postgresql ? " FOR UPDATE SKIP LOCKED" : "";
    auto expired = TRY(db.prepare(std::string(kEmailColumns) + "WHERE status = 'sending' AND lease_until <= ? ORDER BY lease_until, id LIMIT 1" + lock));
    expired.bind(1, now);
    if (TRY(expired.step())) return std::optional<EmailRow>(email_row_from(expired, true));
    auto queued = TRY(db.prepare(std::string(kEmailColumns) + "WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1" + lock));
    queued.bind(1, now);
    if (!TRY(queued.step())) return std::optional<EmailRow>();
    return std::optional<EmailRow>(email_row_from(queued, false));
}

Result<std::optional<std::int64_t>> earliest_email_work(Database& db) {
    auto next = TRY(db.prepare(
        "SELECT MIN(due.at) FROM (SELECT MIN(next_attempt_at) AS at FROM email_outbox WHERE status = 'queued' "
        "UNION ALL SELECT MIN(lease_until) AS at FROM email_outbox WHERE status = 'sending') AS due"));
    TRY(next.step());
    return next.column_optional_int(0);
}

Result<void> mark_email_sending(Database& db, std::int64_t id, std::int64_t lease_until, std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, lease_until).bind(2, now).bind(3, id);
    return update.run();
}

Result<void> mark_email_sent(Database& db, std::int64_t id, int attempts, const std::string& message_id, const std::string& response,
                             std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE email_outbox SET status = 'sent', message_id = ?, server_response = ?, last_error = '', sent_at = ?, lease_until = NULL, "
        "updated_at = ? WHERE id = ? AND attempts = ? AND status = 'sending'"));
    update.bind(1, message_id).bind(2, response).bind(3, now).bind(4, now).bind(5, id).bind(6, attempts);
    return update.run();
}

Result<void> requeue_email(Database& db, std::int64_t id, int attempts, std::int64_t next_attempt_at, const std::string& error,
                           const std::string& response, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE email_outbox SET status = 'queued', next_attempt_at = ?, last_error = ?, server_response = ?, lease_until = NULL, "
        "updated_at = ? WHERE id = ? AND attempts = ? AND status = 'sending'"));
    update.bind(1, next_attempt_at).bind(2, error).bind(3, response).bind(4, now).bind(5, id).bind(6, attempts);
    return update.run();
}

Result<void> mark_email_failed(Database& db, std::int64_t id, int attempts, const std::string& error, const std::string& response,
                               std::int64_t now) {
    // attempts < 0: an interrupted send that used its last attempt (any claim token).
    auto update = TRY(db.prepare(
        "UPDATE email_outbox SET status = 'failed', last_error = ?, server_response = ?, lease_until = NULL, updated_at = ? "
        "WHERE id = ? AND (attempts = ? OR ? < 0) AND status = 'sending'"));
    update.bind(1, error).bind(2, response).bind(3, now).bind(4, id).bind(5, attempts).bind(6, attempts);
    return update.run();
}

Result<std::optional<CustomerContact>> find_customer_contact(Database& db, std::int64_t customer_id) {
    auto found = TRY(db.prepare("SELECT id, name, service_number, phone, email, channel_preference FROM customers WHERE id = ?"));
    found.bind(1, customer_id);
    if (!TRY(found.step())) return std::optional<CustomerContact>();
    return std::optional<CustomerContact>(CustomerContact{found.column_int(0), found.column_text(1), found.column_text(2), found.column_text(3),
                                                          found.column_text(4), found.column_text(5)});
}

Result<void> save_channel_preference(Database& db, std::int64_t customer_id, const std::string& preference, std::int64_t now) {
    (void)now;
    auto update = TRY(db.prepare("UPDATE customers SET channel_preference = ? WHERE id = ?"));
    update.bind(1, preference).bind(2, customer_id);
    return update.run();
}

Result<std::int64_t> insert_invoice_send(Database& db, const NewInvoiceSend& send, std::int64_t now) {
    auto insert = TRY(db.prepare(
        "INSERT INTO invoice_sends(invoice_id, actor_type, actor_id, actor_name, channel, recipient, sent_as, idempotency_key, email_id, "
        "notification_id, direct_outcome, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    insert.bind(1, send.invoice_id).bind(2, send.actor_type).bind(3, send.actor_id).bind(4, send.actor_name).bind(5, send.channel)
        .bind(6, send.recipient).bind(7, send.sent_as).bind(8, send.key).bind(9, send.email_id).bind(10, send.notification_id)
        .bind(11, send.direct_outcome).bind(12, now);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());
    return id;
}

Result<void> update_invoice_send_delivery(Database& db, std::int64_t id, const std::string& sent_as, std::optional<std::int64_t> notification_id,
                                          const std::string& direct_outcome) {
    auto update = TRY(db.prepare("UPDATE invoice_sends SET sent_as = ?, notification_id = ?, direct_outcome = ? WHERE id = ?"));
    update.bind(1, sent_as).bind(2, notification_id).bind(3, direct_outcome).bind(4, id);
    return update.run();
}

Result<std::vector<InvoiceSendRow>> list_invoice_sends(Database& db, std::int64_t invoice_id) {
    auto rows = TRY(db.prepare(std::string(kInvoiceSendColumns) + "WHERE s.invoice_id = ? ORDER BY s.id DESC LIMIT 200"));
    rows.bind(1, invoice_id);
    std::vector<InvoiceSendRow> out;
    while (TRY(rows.step())) out.push_back(invoice_send_from(rows));
    return out;
}

Result<std::optional<InvoiceSendRow>> find_invoice_send_by_key(Database& db, const std::string& key) {
    auto found = TRY(db.prepare(std::string(kInvoiceSendColumns) + "WHERE s.idempotency_key = ?"));
    found.bind(1, key);
    if (!TRY(found.step())) return std::optional<InvoiceSendRow>();
    return std::optional<InvoiceSendRow>(invoice_send_from(found));
}

Result<std::int64_t> count_invoice_sends_by_actor(Database& db, const std::string& actor_type, std::int64_t actor_id, std::int64_t since) {
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM invoice_sends WHERE actor_type = ? AND actor_id = ? AND created_at >= ?"));
    count.bind(1, actor_type).bind(2, actor_id).bind(3, since);
    TRY(count.step());
    return count.column_int(0);
}

Result<std::int64_t> count_invoice_sends_of_invoice(Database& db, std::int64_t invoice_id, std::int64_t since) {
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM invoice_sends WHERE invoice_id = ? AND created_at >= ?"));
    count.bind(1, invoice_id).bind(2, since);
    TRY(count.step());
    return count.column_int(0);
}

Result<std::int64_t> count_distinct_recipients_by_actor(Database& db, const std::string& actor_type, std::int64_t actor_id, std::int64_t since) {
    auto count = TRY(db.prepare("SELECT COUNT(DISTINCT recipient) FROM invoice_sends WHERE actor_type = ? AND actor_id = ? AND created_at >= ?"));
    count.bind(1, actor_type).bind(2, actor_id).bind(3, since);
    TRY(count.step());
    return count.column_int(0);
}

Result<std::optional<std::int64_t>> oldest_invoice_send_by_actor(Database& db, const std::string& actor_type, std::int64_t actor_id,
                                                                 std::int64_t since) {
    auto oldest = TRY(db.prepare("SELECT MIN(created_at) FROM invoice_sends WHERE actor_type = ? AND actor_id = ? AND created_at >= ?"));
    oldest.bind(1, actor_type).bind(2, actor_id).bind(3, since);
    TRY(oldest.step());
    return oldest.column_optional_int(0);
}

}  // namespace kimonet::store
