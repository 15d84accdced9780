#include "store/activity_store.hpp"

namespace kimonet::store {

Result<void> insert_activity(Database& db, const ActivityEntry& entry) {
    auto insert = TRY(db.prepare(
        "INSERT INTO activity_log(at, actor_type, actor_id, actor_name, action, subject_type, subject_id, before_json, "
        "after_json, ip) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    insert.bind(1, entry.at)
        .bind(2, entry.actor_type)
        .bind(3, entry.actor_id)
        .bind(4, entry.actor_name)
        .bind(5, entry.action)
        .bind(6, entry.subject_type)
        .bind(7, entry.subject_id)
        .bind(8, entry.before_json)
        .bind(9, entry.after_json)
        .bind(10, entry.ip);
    return insert.run();
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
    rows.bind_named(":offset", std::int64_t{(filter.page - 1) * filter.per_page});
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

}  // namespace kimonet::store
