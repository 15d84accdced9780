#include "services/activity_log.hpp"

namespace kimonet::services {

static std::optional<std::string> dump_or_null(const api::Json& json) {
    if (json.is_null()) return std::nullopt;
    return json.dump(-1, ' ', false, api::Json::error_handler_t::replace);
}

Result<void> log_activity(app::Context& context, std::string_view action, std::string_view subject_type,
                          std::optional<std::int64_t> subject_id, const api::Json& before, const api::Json& after) {
    auto insert = TRY(context.db.prepare(
        "INSERT INTO activity_log(at, actor_type, actor_id, actor_name, action, subject_type, subject_id, before_json, "
        "after_json, ip) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    insert.bind(1, context.now)
        .bind(2, context.actor.type)
        .bind(3, context.actor.id ? std::optional<std::int64_t>(context.actor.id) : std::nullopt)
        .bind(4, context.actor.name)
        .bind(5, action)
        .bind(6, subject_type)
        .bind(7, subject_id)
        .bind(8, dump_or_null(before))
        .bind(9, dump_or_null(after))
        .bind(10, context.actor.ip);
    return insert.run();
}

Result<ActivityPage> list_activity(store::Database& db, const ActivityQuery& query) {
    std::string where = " WHERE 1=1";
    if (!query.subject_type.empty()) where += " AND subject_type = :subject_type";
    if (query.subject_id) where += " AND subject_id = :subject_id";
    if (!query.actor_name.empty()) where += " AND actor_name = :actor_name";
    ActivityPage page;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM activity_log" + where));
    auto rows = TRY(db.prepare(
        "SELECT id, at, actor_type, actor_id, actor_name, action, subject_type, subject_id, before_json, after_json, ip "
        "FROM activity_log" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset"));
    for (auto* statement : {&count, &rows}) {
        statement->bind_named(":subject_type", query.subject_type);
        if (query.subject_id) statement->bind_named(":subject_id", *query.subject_id);
        statement->bind_named(":actor_name", query.actor_name);
    }
    rows.bind_named(":limit", std::int64_t{query.per_page});
    rows.bind_named(":offset", std::int64_t{(query.page - 1) * query.per_page});
    TRY(count.step());
    page.total = count.column_int(0);
    while (TRY(rows.step())) {
        auto parse = [&](int column) {
            return rows.column_is_null(column) ? api::Json(nullptr) : api::parse_json(rows.column_text(column));
        };
        page.rows.push_back({{"id", rows.column_int(0)},
                             {"at", rows.column_int(1)},
                             {"actor_type", rows.column_text(2)},
                             {"actor_id", rows.column_is_null(3) ? api::Json(nullptr) : api::Json(rows.column_int(3))},
                             {"actor_name", rows.column_text(4)},
                             {"action", rows.column_text(5)},
                             {"subject_type", rows.column_text(6)},
                             {"subject_id", rows.column_is_null(7) ? api::Json(nullptr) : api::Json(rows.column_int(7))},
                             {"before", parse(8)},
                             {"after", parse(9)},
                             {"ip", rows.column_text(10)}});
    }
    return page;
}

}  // namespace kimonet::services
