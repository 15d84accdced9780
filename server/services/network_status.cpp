#include "services/network_status.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "routeros/routeros_router_control.hpp"
#include "services/activity_log.hpp"
#include "services/network_service.hpp"
#include "services/router_service.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxIncidentMessage = 500;

std::string local_text(std::int64_t unix_seconds, UtcOffset offset) {
    const LocalDateTime local = local_from_unix(unix_seconds, offset);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", local.date.year, local.date.month, local.date.day, local.hour,
                  local.minute);
    return text;
}

// "2026-01-15 14:00", "2026-01-15T14:00" or "2026-01-15 14:00:00", local time at `offset`.
std::optional<std::int64_t> parse_local_time(std::string_view text, UtcOffset offset) {
    if (text.size() != 16 && text.size() != 19) return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    if (!date || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') return std::nullopt;
    auto two_digits = [&](std::size_t at) -> int {
        if (text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9') return -1;
        return (text[at] - '0') * 10 + (text[at + 1] - '0');
    };
    const int hour = two_digits(11), minute = two_digits(14);
    int second = 0;
    if (text.size() == 19) {
        if (text[16] != ':') return std::nullopt;
        second = two_digits(17);
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
    return unix_from_local(LocalDateTime{*date, hour, minute, second}, offset);
}

api::Json incident_json(const store::Statement& row, UtcOffset offset) {
    // Columns: id, message, router_id, router name, expected_recovery_at, resolved, resolved_at, created_by, created_at
    api::Json out = {{"id", row.column_int(0)},
                     {"message", row.column_text(1)},
                     {"router_id", row.column_is_null(2) ? api::Json(nullptr) : api::Json(row.column_int(2))},
                     {"router_name", row.column_text(3)},
                     {"resolved", row.column_int(5) != 0},
                     {"created_by", row.column_text(7)},
                     {"created_at", row.column_int(8)},
                     {"created_at_text", local_text(row.column_int(8), offset)}};
    if (row.column_is_null(4)) {
        out["expected_recovery_at"] = nullptr;
        out["expected_recovery_text"] = "";
    } else {
        out["expected_recovery_at"] = row.column_int(4);
        out["expected_recovery_text"] = local_text(row.column_int(4), offset);
    }
    out["resolved_at"] = row.column_is_null(6) ? api::Json(nullptr) : api::Json(row.column_int(6));
    return out;
}

constexpr const char* kIncidentSelect =
    "SELECT i.id, i.message, i.router_id, COALESCE(r.name, ''), i.expected_recovery_at, i.resolved, i.resolved_at, i.created_by, "
    "i.created_at FROM incidents i LEFT JOIN routers r ON r.id = i.router_id";

struct IncidentFields {
    std::string message;
    std::optional<std::int64_t> router_id;
    std::optional<std::int64_t> expected_recovery_at;
    bool resolved = false;
};

// Applies the fields present in `input` over `fields`; every problem is reported at once.
Result<void> read_incident(store::Database& db, const api::Json& input, UtcOffset offset, IncidentFields& fields) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    reader.read("message", fields.message);
    reader.read("router_id", fields.router_id);
    reader.read("resolved", fields.resolved);
    FieldErrors errors = reader.errors();
    if (auto it = input.find("expected_recovery_at"); it != input.end()) {
        if (it->is_null() || (it->is_string() && trim_copy(it->get<std::string>()).empty())) fields.expected_recovery_at.reset();
        else if (it->is_number_integer() && it->get<std::int64_t>() > 0) fields.expected_recovery_at = it->get<std::int64_t>();
        else if (auto parsed = it->is_string() ? parse_local_time(trim_copy(it->get<std::string>()), offset) : std::nullopt)
            fields.expected_recovery_at = parsed;
        else errors["expected_recovery_at"] = "waktu tidak valid (YYYY-MM-DD HH:MM)";
    }
    fields.message = trim_copy(fields.message);
    if (fields.message.empty()) errors.emplace("message", messages::kRequired);
    else if (utf8_length(fields.message) > kMaxIncidentMessage || !is_valid_utf8(fields.message)) errors.emplace("message", messages::kTooLong500);
    if (fields.router_id && !errors.contains("router_id")) {
        auto exists = TRY(db.prepare("SELECT 1 FROM routers WHERE id = ?"));
        exists.bind(1, *fields.router_id);
        if (!TRY(exists.step())) errors["router_id"] = messages::kInvalid;
    }
    if (!errors.empty()) return validation_error(std::move(errors));
    return success();
}

Result<api::Json> incident_by_id(store::Database& db, std::int64_t id, UtcOffset offset) {
    auto row = TRY(db.prepare(std::string(kIncidentSelect) + " WHERE i.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return make_error(ErrorCode::NotFound, messages::kIncidentNotFound);
    return incident_json(row, offset);
}

}  // namespace

Result<void> record_router_reachability(store::Database& db, std::int64_t router_id, bool reachable, const std::string& detail,
                                        std::int64_t now) {
    auto upsert = TRY(db.prepare(
        "INSERT INTO router_reachability(router_id, reachable, detail, checked_at, changed_at) VALUES (?1, ?2, ?3, ?4, ?4) "
        "ON CONFLICT(router_id) DO UPDATE SET detail = excluded.detail, checked_at = excluded.checked_at, "
        "changed_at = CASE WHEN reachable = excluded.reachable THEN changed_at ELSE excluded.checked_at END, "
        "reachable = excluded.reachable"));
    upsert.bind(1, router_id).bind(2, reachable).bind(3, detail.substr(0, 300)).bind(4, now);
    return upsert.run();
}

Result<int> probe_routers(app::Context& context) {
    const auto routers = TRY(list_routers(context.db));
    int reachable = 0;
    for (const auto& listed : routers) {
        auto router = router_with_password(context, listed.id);
        if (!router) continue;
        auto status = routeros::router_control(*router)->test();
        reachable += status ? 1 : 0;
        TRY_VOID(record_router_reachability(context.db, listed.id, status.ok(), status ? "" : status.error().message(), context.now));
    }
    return reachable;
}

Result<api::Json> public_network_status(store::Database& db, UtcOffset offset) {
    api::Json routers = api::Json::array();
    auto rows = TRY(db.prepare(
        "SELECT r.name, h.reachable, h.changed_at, h.checked_at FROM routers r LEFT JOIN router_reachability h ON h.router_id = r.id "
        "ORDER BY r.name"));
    bool any_down = false;
    while (TRY(rows.step())) {
        api::Json router = {{"name", rows.column_text(0)}};
        if (rows.column_is_null(1)) {
            router["status"] = "unknown";
            router["since"] = nullptr;
            router["checked_at"] = nullptr;
        } else {
            const bool up = rows.column_int(1) != 0;
            any_down = any_down || !up;
            router["status"] = up ? "up" : "down";
            router["since"] = rows.column_int(2);
            router["since_text"] = local_text(rows.column_int(2), offset);
            router["checked_at"] = rows.column_int(3);
        }
        routers.push_back(std::move(router));
    }
    api::Json incidents = TRY(list_incidents(db, offset, false));
    for (auto& incident : incidents) incident.erase("created_by");
    const bool disrupted = any_down || !incidents.empty();
    return api::Json{{"overall", disrupted ? "gangguan" : "normal"}, {"routers", std::move(routers)}, {"incidents", std::move(incidents)}};
}

Result<api::Json> create_incident(app::Context& context, const api::Json& input) {
    IncidentFields fields;
    TRY_VOID(read_incident(context.db, input, context.offset, fields));
    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto insert = TRY(context.db.prepare(
            "INSERT INTO incidents(message, router_id, expected_recovery_at, resolved, resolved_at, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.bind(1, fields.message).bind(2, fields.router_id).bind(3, fields.expected_recovery_at).bind(4, fields.resolved);
        if (fields.resolved) insert.bind(5, context.now);
        else insert.bind_null(5);
        insert.bind(6, context.actor.name).bind(7, context.now).bind(8, context.now);
        TRY_VOID(insert.run());
        created = TRY(incident_by_id(context.db, context.db.last_insert_id(), context.offset));
        return log_activity(context, "incident.create", "incident", created["id"].get<std::int64_t>(), nullptr, created);
    }));
    return created;
}

Result<api::Json> update_incident(app::Context& context, std::int64_t id, const api::Json& changes) {
    api::Json updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(incident_by_id(context.db, id, context.offset));
        IncidentFields fields;
        fields.message = before["message"].get<std::string>();
        if (!before["router_id"].is_null()) fields.router_id = before["router_id"].get<std::int64_t>();
        if (!before["expected_recovery_at"].is_null()) fields.expected_recovery_at = before["expected_recovery_at"].get<std::int64_t>();
        fields.resolved = before["resolved"].get<bool>();
        TRY_VOID(read_incident(context.db, changes, context.offset, fields));
        auto update = TRY(context.db.prepare(
            "UPDATE incidents SET message = ?, router_id = ?, expected_recovery_at = ?, resolved = ?, "
            "resolved_at = CASE WHEN ? = 0 THEN NULL ELSE COALESCE(resolved_at, ?) END, updated_at = ? WHERE id = ?"));
        update.bind(1, fields.message).bind(2, fields.router_id).bind(3, fields.expected_recovery_at).bind(4, fields.resolved)
            .bind(5, fields.resolved).bind(6, context.now).bind(7, context.now).bind(8, id);
        TRY_VOID(update.run());
        updated = TRY(incident_by_id(context.db, id, context.offset));
        return log_activity(context, "incident.update", "incident", id, before, updated);
    }));
    return updated;
}

Result<api::Json> list_incidents(store::Database& db, UtcOffset offset, bool include_resolved) {
    auto rows = TRY(db.prepare(std::string(kIncidentSelect) + (include_resolved ? "" : " WHERE i.resolved = 0") +
                               " ORDER BY i.created_at DESC, i.id DESC LIMIT 200"));
    api::Json out = api::Json::array();
    while (TRY(rows.step())) out.push_back(incident_json(rows, offset));
    return out;
}

}  // namespace kimonet::services
