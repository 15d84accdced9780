#include "store/notification_store.hpp"

#include <algorithm>
#include <map>

#include "store/multi_row_insert.hpp"
#include "store/notification_variables_store.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kNotificationColumns =
    "n.id, n.idempotency_key, n.customer_id, COALESCE(c.name, ''), COALESCE(c.service_number, ''), n.phone, n.template, n.body, "
    "n.message_class, n.status, n.attempts, n.next_attempt_at, n.last_error, n.gateway, n.gateway_message_id, n.gateway_response, "
    "n.created_by, n.created_at, n.sent_at, n.updated_at, n.invoice_id";
constexpr const char* kNotificationFrom = " FROM notifications n LEFT JOIN customers c ON c.id = n.customer_id";

NotificationRow row_to_notification(const Statement& row) {
    NotificationRow out;
    out.id = row.column_int(0);
    out.key = row.column_text(1);
    out.customer_id = row.column_optional_int(2);
    out.customer_name = row.column_text(3);
    out.service_number = row.column_text(4);
    out.phone = row.column_text(5);
    out.template_key = row.column_text(6);
    out.body = row.column_text(7);
    out.message_class = row.column_text(8);
    out.status = row.column_text(9);
    out.attempts = row.column_int(10);
    out.next_attempt_at = row.column_int(11);
    out.last_error = row.column_text(12);
    out.gateway = row.column_text(13);
    out.gateway_message_id = row.column_text(14);
    out.gateway_response = row.column_text(15);
    out.created_by = row.column_text(16);
    out.created_at = row.column_int(17);
    out.sent_at = row.column_optional_int(18);
    out.updated_at = row.column_int(19);
    out.invoice_id = row.column_optional_int(20);
    return out;
}

// RETURNING gives the id only when the row is new (portable; last_insert_id after DO NOTHING
// differs between the engines).
constexpr const char* kInsertNotification =
    "INSERT INTO notifications(idempotency_key, customer_id, phone, template, body, message_class, invoice_id, status, next_attempt_at, "
    "created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?, 'queued', ?,?,?,?) ON CONFLICT(idempotency_key) DO NOTHING RETURNING id";

// Parameters 1…11 of kInsertNotification; the new row's id, if the key was new.
Result<std::optional<std::int64_t>> run_notification_insert(Statement& insert, const NewNotification& notification, std::int64_t now) {
    insert.bind(1, notification.key).bind(2, notification.customer_id).bind(3, notification.phone).bind(4, notification.template_key)
        .bind(5, notification.body).bind(6, notification.message_class).bind(7, notification.invoice_id).bind(8, now)
        .bind(9, notification.created_by).bind(10, now).bind(11, now);
    std::optional<std::int64_t> id;
    if (TRY(insert.step())) id = insert.column_int(0);
    TRY_VOID(insert.run());
    return id;
}

}  // namespace

Result<std::optional<std::int64_t>> insert_notification(Database& db, const NewNotification& notification, std::int64_t now) {
    auto insert = TRY(db.prepare(kInsertNotification));
    return run_notification_insert(insert, notification, now);
}

Result<std::optional<std::int64_t>> insert_notification_with_variables(Database& db, const NewNotification& notification, std::int64_t now,
                                                                       const std::string& variables_json) {
    if (db.engine() != Engine::Postgresql) {
        const auto id = TRY(insert_notification(db, notification, now));
        if (id) TRY_VOID(save_notification_variables(db, *id, variables_json));
        return id;
    }
    auto insert = TRY(db.prepare(std::string("WITH n AS (") + kInsertNotification +
                                 "), v AS (INSERT INTO notification_variables(notification_id, variables) SELECT id, ? FROM n "
                                 "ON CONFLICT(notification_id) DO NOTHING) SELECT id FROM n"));
    insert.bind(12, variables_json);
    return run_notification_insert(insert, notification, now);
}

namespace {

struct GatheredNotification {
    NewNotification notification;
    std::int64_t now = 0;
    std::string variables_json;
    ActivityEntry logged;
};
thread_local std::vector<GatheredNotification> t_gathered_notifications;
thread_local std::uint64_t t_gathered_notifications_for = 0;

constexpr std::size_t kNotificationsPerStatement = 16;
constexpr int kGatheredNotificationColumns = 11;
constexpr const char* kGatheredNotificationTarget =
    "notifications(idempotency_key, customer_id, phone, template, body, message_class, invoice_id, status, next_attempt_at, created_by, "
    "created_at, updated_at)";

// "INSERT INTO notifications(…) VALUES (…),… ON CONFLICT DO NOTHING RETURNING id, idempotency_key"
// for `rows` rows; on PostgreSQL the variables go in the same statement (the key's new id, joined
// to a VALUES list of (key, variables) after the rows' parameters).
std::string gathered_insert_sql(Engine engine, std::size_t rows) {
    std::string values;
    for (std::size_t i = 0; i < rows; ++i) values += i ? ",(?,?,?,?,?,?,?,'queued',?,?,?,?)" : "(?,?,?,?,?,?,?,'queued',?,?,?,?)";
    const std::string insert = std::string("INSERT INTO ") + kGatheredNotificationTarget + " VALUES " + values +
                               " ON CONFLICT(idempotency_key) DO NOTHING RETURNING id, idempotency_key";
    if (engine != Engine::Postgresql) return insert;
    std::string variables;
    for (std::size_t i = 0; i < rows; ++i) variables += i ? ",(?::text,?::text)" : "(?::text,?::text)";
    return "WITH n AS (" + insert + "), v AS (INSERT INTO notification_variables(notification_id, variables) SELECT n.id, x.variables FROM n JOIN (VALUES " +
           variables + ") AS x(idempotency_key, variables) ON x.idempotency_key = n.idempotency_key ON CONFLICT(notification_id) DO NOTHING) "
           "SELECT id, idempotency_key FROM n";
}

// One chunk: its new rows' ids by key (a key met earlier in the batch, or already queued, is absent).
Result<std::map<std::string, std::int64_t>> write_gathered_chunk(Database& db, const std::vector<const GatheredNotification*>& chunk) {
    auto insert = TRY(db.prepare(gathered_insert_sql(db.engine(), chunk.size())));
    int parameter = 1;
    for (const GatheredNotification* item : chunk) {
        const NewNotification& n = item->notification;
        insert.bind(parameter, n.key).bind(parameter + 1, n.customer_id).bind(parameter + 2, n.phone).bind(parameter + 3, n.template_key);
        insert.bind(parameter + 4, n.body).bind(parameter + 5, n.message_class).bind(parameter + 6, n.invoice_id).bind(parameter + 7, item->now);
        insert.bind(parameter + 8, n.created_by).bind(parameter + 9, item->now).bind(parameter + 10, item->now);
        parameter += kGatheredNotificationColumns;
    }
    if (db.engine() == Engine::Postgresql)
        for (const GatheredNotification* item : chunk) {
            insert.bind(parameter, item->notification.key).bind(parameter + 1, item->variables_json);
            parameter += 2;
        }
    std::map<std::string, std::int64_t> created;
    while (TRY(insert.step())) created.emplace(insert.column_text(1), insert.column_int(0));
    insert.reset();
    return created;
}

Result<void> write_gathered_notifications(Database& db) {
    // From here on a message is inserted at once: a later flush (next month's invoice paid from
    // credit) may still queue one, after this one has run.
    t_gathered_notifications_for = 0;
    std::vector<GatheredNotification> gathered;
    gathered.swap(t_gathered_notifications);
    // A key twice in the batch: the first is the message (as one by one, the second would find it queued).
    std::vector<const GatheredNotification*> unique;
    for (const GatheredNotification& item : gathered)
        if (std::none_of(unique.begin(), unique.end(), [&](const GatheredNotification* seen) { return seen->notification.key == item.notification.key; }))
            unique.push_back(&item);
    for (std::size_t start = 0; start < unique.size(); start += kNotificationsPerStatement) {
        const std::vector<const GatheredNotification*> chunk(unique.begin() + static_cast<std::ptrdiff_t>(start),
                                                             unique.begin() + static_cast<std::ptrdiff_t>(std::min(unique.size(), start + kNotificationsPerStatement)));
        const auto created = TRY(write_gathered_chunk(db, chunk));
        std::vector<std::pair<std::int64_t, const std::string*>> variables;  // SQLite: the new rows' variables, a statement of their own
        for (const GatheredNotification* item : chunk) {
            const auto id = created.find(item->notification.key);
            if (id == created.end()) continue;
            if (db.engine() != Engine::Postgresql) variables.emplace_back(id->second, &item->variables_json);
            ActivityEntry logged = item->logged;
            logged.subject_id = id->second;
            TRY_VOID(insert_activity(db, logged));
        }
        TRY_VOID(insert_rows(db, "notification_variables(notification_id, variables)", 2, variables.size(), kNotificationsPerStatement,
                             [&](Statement& insert, int first, std::size_t i) { insert.bind(first, variables[i].first).bind(first + 1, *variables[i].second); }));
    }
    return {};
}

}  // namespace

void gather_notifications(Database& db) {
    const std::uint64_t joined = transaction_without_savepoints_id(db);
    if (!joined || t_gathered_notifications_for == joined) return;
    t_gathered_notifications.clear();  // a failed transaction's are dropped
    t_gathered_notifications_for = joined;
    before_commit_without_savepoints(db, [&db] { return write_gathered_notifications(db); });
}

Result<bool> gather_notification(Database& db, const NewNotification& notification, std::int64_t now, const std::string& variables_json,
                                 ActivityEntry logged) {
    const std::uint64_t joined = transaction_without_savepoints_id(db);
    if (!joined || t_gathered_notifications_for != joined) return false;
    t_gathered_notifications.push_back(GatheredNotification{notification, now, variables_json, std::move(logged)});
    return true;
}

Result<std::optional<NotificationKeyState>> find_notification_by_key(Database& db, const std::string& key) {
    auto existing = TRY(db.prepare("SELECT id, status FROM notifications WHERE idempotency_key = ?"));
    existing.bind(1, key);
    if (!TRY(existing.step())) return std::optional<NotificationKeyState>();
    return std::optional<NotificationKeyState>(NotificationKeyState{existing.column_int(0), existing.column_text(1)});
}

Result<NotificationRows> list_notification_rows(Database& db, const NotificationFilter& filter) {
    std::string where = " WHERE 1=1";
    if (!filter.status.empty()) where += " AND n.status = :status";
    if (filter.customer_id) where += " AND n.customer_id = :customer_id";
    NotificationRows page;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM notifications n" + where));
    count.bind_named(":status", filter.status);
    if (filter.customer_id) count.bind_named(":customer_id", *filter.customer_id);
    TRY(count.step());
    page.total = count.column_int(0);
    count.reset();
    auto rows = TRY(db.prepare(std::string("SELECT ") + kNotificationColumns + kNotificationFrom + where +
                               " ORDER BY n.id DESC LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", filter.status);
    if (filter.customer_id) rows.bind_named(":customer_id", *filter.customer_id);
    rows.bind_named(":limit", std::int64_t{filter.per_page});
    rows.bind_named(":offset", (std::int64_t{filter.page} - 1) * filter.per_page);
    while (TRY(rows.step())) page.rows.push_back(row_to_notification(rows));
    return page;
}

Result<std::optional<NotificationRow>> find_notification(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kNotificationColumns + kNotificationFrom + " WHERE n.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<NotificationRow>();
    return std::optional<NotificationRow>(row_to_notification(row));
}

Result<std::optional<std::string>> find_notification_body(Database& db, std::int64_t id) {
    auto body = TRY(db.prepare("SELECT body FROM notifications WHERE id = ?"));
    body.bind(1, id);
    if (!TRY(body.step())) return std::optional<std::string>();
    return std::optional<std::string>(body.column_text(0));
}

Result<std::vector<NotificationAttempt>> list_notification_attempts(Database& db, std::int64_t notification_id) {
    auto attempts = TRY(db.prepare("SELECT at, gateway, outcome, detail FROM notification_attempts WHERE notification_id = ? ORDER BY id"));
    attempts.bind(1, notification_id);
    std::vector<NotificationAttempt> out;
    while (TRY(attempts.step()))
        out.push_back({attempts.column_int(0), attempts.column_text(1), attempts.column_text(2), attempts.column_text(3)});
    return out;
}

Result<std::int64_t> copy_notification_for_resend(Database& db, std::int64_t id, const std::string& suffix, const std::string& created_by,
                                                  std::int64_t now) {
    auto copy = TRY(db.prepare(
        "INSERT INTO notifications(idempotency_key, customer_id, phone, template, body, message_class, invoice_id, status, "
        "next_attempt_at, created_by, created_at, updated_at) SELECT idempotency_key || ':resend:' || ?, customer_id, phone, "
        "template, body, message_class, invoice_id, 'queued', ?, ?, ?, ? FROM notifications WHERE id = ? RETURNING id"));
    copy.bind(1, suffix).bind(2, now).bind(3, created_by).bind(4, now).bind(5, now).bind(6, id);
    std::int64_t copy_id = 0;
    if (TRY(copy.step())) copy_id = copy.column_int(0);
    TRY_VOID(copy.run());
    return copy_id;
}

Result<void> requeue_notification(Database& db, std::int64_t id, std::int64_t now) {
    auto requeue = TRY(db.prepare(
        "UPDATE notifications SET status = 'queued', attempts = 0, next_attempt_at = ?, lease_until = NULL, "
        "last_error = '', updated_at = ? WHERE id = ?"));
    requeue.bind(1, now).bind(2, now).bind(3, id);
    return requeue.run();
}

Result<std::vector<NotificationStatusCount>> count_notifications_by_status(Database& db) {
    auto queue = TRY(db.prepare("SELECT status, COUNT(*) FROM notifications GROUP BY status"));
    std::vector<NotificationStatusCount> out;
    while (TRY(queue.step())) out.push_back({queue.column_text(0), queue.column_int(1)});
    return out;
}

Result<std::string> latest_queued_retry_error(Database& db) {
    auto query = TRY(db.prepare(
        "SELECT last_error FROM notifications WHERE status = 'queued' AND attempts > 0 AND last_error <> '' ORDER BY next_attempt_at DESC, id DESC "
        "LIMIT 1"));
    std::string error;
    if (TRY(query.step())) error = query.column_text(0);
    query.reset();
    return error;
}

}  // namespace kimonet::store
