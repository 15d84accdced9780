#include "store/activity_store.hpp"

#include <string>
#include <vector>

#include "store/copy_rows.hpp"
#include "store/multi_row_insert.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

constexpr int kActivityColumns = 10;
constexpr const char* kActivityTarget =
    "activity_log(at, actor_type, actor_id, actor_name, action, subject_type, subject_id, before_json, after_json, ip)";

// "INSERT INTO activity_log(…) VALUES (?,…),(?,…)…" for `rows` rows (one prepared statement per size).
std::string activity_insert_sql(int rows) { return multi_row_insert_sql(kActivityTarget, kActivityColumns, static_cast<std::size_t>(rows)); }

void bind_activity(Statement& insert, int row, const ActivityEntry& entry) {
    const int first = row * kActivityColumns;
    insert.bind(first + 1, entry.at)
        .bind(first + 2, entry.actor_type)
        .bind(first + 3, entry.actor_id)
        .bind(first + 4, entry.actor_name)
        .bind(first + 5, entry.action)
        .bind(first + 6, entry.subject_type)
        .bind(first + 7, entry.subject_id)
        .bind(first + 8, entry.before_json)
        .bind(first + 9, entry.after_json)
        .bind(first + 10, entry.ip);
}

// Entries gathered in a transaction without savepoints (store/transaction_memo.hpp): written just
// before its COMMIT, a few statements for a whole callback batch instead of one per entry.
thread_local std::vector<ActivityEntry> t_deferred;
thread_local std::uint64_t t_deferred_for = 0;

Result<void> write_deferred(Database& db) {
    std::vector<ActivityEntry> entries;
    entries.swap(t_deferred);
    // PostgreSQL: each statement is a round trip, so the batch's entries in one COPY (no statement
    // of its own to prepare for each count, as a multi-row INSERT of exactly the count would need).
    if (db.engine() == Engine::Postgresql)
        return copy_items(db, kActivityTarget, entries, [](std::string& rows, const ActivityEntry& entry) {
            add_copy_number(rows, entry.at);
            add_copy_text(rows, entry.actor_type);
            add_copy_number(rows, entry.actor_id);
            add_copy_text(rows, entry.actor_name);
            add_copy_text(rows, entry.action);
            add_copy_text(rows, entry.subject_type);
            add_copy_number(rows, entry.subject_id);
            add_copy_optional_text(rows, entry.before_json);
            add_copy_optional_text(rows, entry.after_json);
            add_copy_text(rows, entry.ip, '\n');
        });
    std::size_t next = 0;
    // Rows per statement from a few fixed sizes, so a handful of prepared statements serve any count.
    for (const int size : {64, 16, 4, 1}) {
        while (entries.size() - next >= static_cast<std::size_t>(size)) {
            auto insert = TRY(db.prepare(activity_insert_sql(size)));
            for (int row = 0; row < size; ++row) bind_activity(insert, row, entries[next + static_cast<std::size_t>(row)]);
            TRY_VOID(insert.run());
            next += static_cast<std::size_t>(size);
        }
    }
    return {};
}

}  // namespace

Result<void> insert_activity(Database& db, const ActivityEntry& entry) {
    if (const std::uint64_t joined = transaction_without_savepoints_id(db)) {
        if (t_deferred_for != joined) {  // the first entry of this transaction (a failed one's are dropped)
            t_deferred.clear();
            t_deferred_for = joined;
            before_commit_without_savepoints(db, [&db] { return write_deferred(db); });
        }
        t_deferred.push_back(entry);
        return {};
    }
    auto insert = TRY(db.prepare(activity_insert_sql(1)));
    bind_activity(insert, 0, entry);
    return insert.run();
}

void replace_in_gathered_activity(const Database& db, const std::vector<std::pair<std::string, std::string>>& replacements) {
    if (replacements.empty() || !transaction_without_savepoints_id(db) || t_deferred_for != transaction_without_savepoints_id(db)) return;
    auto replace = [&](std::optional<std::string>& text) {
        if (!text) return;
        for (const auto& [from, to] : replacements)
            for (std::size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) text->replace(at, from.size(), to);
    };
    for (ActivityEntry& entry : t_deferred) {
        replace(entry.before_json);
        replace(entry.after_json);
    }
}

Result<ActivityRows> list_activity_rows(Database& db, const ActivityFilter& filter) {
    std::string where = " WHERE 1=1";
    if (!filter.subject_type.empty()) where += " AND subject_type = :subject_type";
    if (filter.subject_id) where += " AND subject_id = :subject_id";
    if (!filter.actor_name.empty()) where += " AND actor_name = :actor_name";
    ActivityRows page;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM activity_log" + where));
    auto rows = TRY(db.prepare(
        "SELECT id, at, actor_type, actor_id, actor_name, action, subject_type, subject_id, before_json, after_json, ip "
        "FROM activity_log" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset"));
    for (auto* statement : {&count, &rows}) {
        statement->bind_named(":subject_type", filter.subject_type);
        if (filter.subject_id) statement->bind_named(":subject_id", *filter.subject_id);
        statement->bind_named(":actor_name", filter.actor_name);
    }
    rows.bind_named(":limit", std::int64_t{filter.per_page});
    rows.bind_named(":offset", (std::int64_t{filter.page} - 1) * filter.per_page);
    TRY(count.step());
    page.total = count.column_int(0);
    auto optional_text = [&](int column) {
        return rows.column_is_null(column) ? std::nullopt : std::optional<std::string>(rows.column_text(column));
    };
    while (TRY(rows.step())) {
        page.rows.push_back({rows.column_int(0), rows.column_int(1), rows.column_text(2), rows.column_optional_int(3), rows.column_text(4),
                             rows.column_text(5), rows.column_text(6), rows.column_optional_int(7), optional_text(8), optional_text(9),
                             rows.column_text(10)});
    }
    return page;
}

Result<std::vector<std::int64_t>> customer_self_change_times(Database& db, std::int64_t customer_id, const std::vector<std::string>& actions,
                                                             std::int64_t since) {
    std::vector<std::int64_t> out;
    if (actions.empty()) return out;
    std::string placeholders;
    for (std::size_t index = 0; index < actions.size(); ++index) placeholders += index ? ", ?" : "?";
    // activity_log_subject (subject_type, subject_id) finds the customer's entries.
    auto statement = TRY(db.prepare("SELECT at FROM activity_log WHERE subject_type = 'customer' AND subject_id = ? AND actor_type = 'customer' "
                                    "AND actor_id = ? AND at >= ? AND action IN (" + placeholders + ") ORDER BY at"));
    statement.bind(1, customer_id).bind(2, customer_id).bind(3, since);
    for (std::size_t index = 0; index < actions.size(); ++index) statement.bind(static_cast<int>(index) + 4, actions[index]);
    while (TRY(statement.step())) out.push_back(statement.column_int(0));
    return out;
}

}  // namespace kimonet::store
