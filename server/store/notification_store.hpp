#pragma once
// The notifications table's front door and log: queueing a message under its idempotency key,
// listing and reading messages with their attempt log, resending, and the outbox counts.
// (The worker's claim and lease are in outbox_store.hpp.) Writes assume the caller holds the
// transaction (services/notification_service.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/activity_store.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct NewNotification {
    std::string key;  // idempotency key
    std::optional<std::int64_t> customer_id;
    std::string phone;
    std::string template_key;
    std::string body;
    std::string message_class;  // "transactional" or "bulk"
    std::optional<std::int64_t> invoice_id;
    std::string created_by;
};
// Queues the message unless its key exists: the new id, or none when the key was already queued.
Result<std::optional<std::int64_t>> insert_notification(Database& db, const NewNotification& notification, std::int64_t now);
// The same, a new row getting the variables (a JSON object's text) it was rendered with, as
// save_notification_variables stores them: one statement on PostgreSQL (a data-modifying WITH; one
// round trip fewer per templated message, e.g. each paid callback's receipt), two on SQLite.
Result<std::optional<std::int64_t>> insert_notification_with_variables(Database& db, const NewNotification& notification, std::int64_t now,
                                                                       const std::string& variables_json);

// A callback batch's receipts, written together (issue 17). After gather_notifications(db) inside a
// transaction_without_savepoints, gather_notification keeps the message, its variables and the
// activity entry that records it (whose subject_id is the message's id, not known yet) and answers
// true; a flush that gather_notifications registers writes them all just before COMMIT: up to 16
// messages (and their variables) per statement on PostgreSQL, two statements per 16 on SQLite,
// instead of one or two per message. As insert_notification_with_variables, a key already queued
// adds nothing, and its entry is dropped. Elsewhere (no gathering started) it answers false and
// does nothing. A batch that fails drops what it gathered (its rerun with savepoints inserts one by
// one). Register it before the first activity entry: its flush adds the entries.
void gather_notifications(Database& db);
Result<bool> gather_notification(Database& db, const NewNotification& notification, std::int64_t now, const std::string& variables_json,
                                 ActivityEntry logged);

struct NotificationKeyState {
    std::int64_t id = 0;
    std::string status;
};
Result<std::optional<NotificationKeyState>> find_notification_by_key(Database& db, const std::string& key);

// A message with its customer's name and nomor layanan ("" without a customer).
struct NotificationRow {
    std::int64_t id = 0;
    std::string key;
    std::optional<std::int64_t> customer_id;
    std::string customer_name;
    std::string service_number;
    std::string phone;
    std::string template_key;
    std::string body;
    std::string message_class;
    std::string status;
    std::int64_t attempts = 0;
    std::int64_t next_attempt_at = 0;
    std::string last_error;
    std::string gateway;
    std::string gateway_message_id;
    std::string gateway_response;
    std::string created_by;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> sent_at;
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> invoice_id;
};

struct NotificationFilter {
    std::string status;  // empty: any
    std::optional<std::int64_t> customer_id;
    int page = 1;
    int per_page = 25;
};
struct NotificationRows {
    std::vector<NotificationRow> rows;
    std::int64_t total = 0;
};
// Newest first.
Result<NotificationRows> list_notification_rows(Database& db, const NotificationFilter& filter);
Result<std::optional<NotificationRow>> find_notification(Database& db, std::int64_t id);
// The message text only (the bot logs what it answered).
Result<std::optional<std::string>> find_notification_body(Database& db, std::int64_t id);

struct NotificationAttempt {
    std::int64_t at = 0;
    std::string gateway;
    std::string outcome;
    std::string detail;
};
// In the order they happened.
Result<std::vector<NotificationAttempt>> list_notification_attempts(Database& db, std::int64_t notification_id);

// A sent message queued again as a copy under "<key>:resend:<suffix>"; the copy's id.
Result<std::int64_t> copy_notification_for_resend(Database& db, std::int64_t id, const std::string& suffix, const std::string& created_by,
                                                  std::int64_t now);
// A failed or queued message back to the queue with fresh attempts.
Result<void> requeue_notification(Database& db, std::int64_t id, std::int64_t now);

struct NotificationStatusCount {
    std::string status;
    std::int64_t count = 0;
};
Result<std::vector<NotificationStatusCount>> count_notifications_by_status(Database& db);
// The last delivery error of a queued message that has been tried already (the gateway failing),
// empty when no waiting message has failed an attempt.
Result<std::string> latest_queued_retry_error(Database& db);

}  // namespace kimonet::store
