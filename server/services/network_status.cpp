#include "services/network_status.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "app/ports.hpp"
#include "services/activity_log.hpp"
#include "services/network_service.hpp"
#include "services/outage_service.hpp"
#include "services/router_service.hpp"
#include "store/network_store.hpp"

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

}  // namespace

std::string local_time_text(std::int64_t unix_seconds, UtcOffset offset) { return local_text(unix_seconds, offset); }
std::optional<std::int64_t> parse_local_time_text(std::string_view text, UtcOffset offset) { return parse_local_time(text, offset); }

namespace {

api::Json incident_json(const store::IncidentRow& row, UtcOffset offset) {
    api::Json out = {{"id", row.id},
                     {"message", row.message},
                     {"router_id", row.router_id ? api::Json(*row.router_id) : api::Json(nullptr)},
                     {"router_name", row.router_name},
                     {"resolved", row.resolved},
                     {"created_by", row.created_by},
                     {"created_at", row.created_at},
                     {"created_at_text", local_text(row.created_at, offset)}};
    if (!row.expected_recovery_at) {
        out["expected_recovery_at"] = nullptr;
        out["expected_recovery_text"] = "";
    } else {
        out["expected_recovery_at"] = *row.expected_recovery_at;
        out["expected_recovery_text"] = local_text(*row.expected_recovery_at, offset);
    }
    out["resolved_at"] = row.resolved_at ? api::Json(*row.resolved_at) : api::Json(nullptr);
    return out;
}

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
        if (!TRY(store::router_exists(db, *fields.router_id))) errors["router_id"] = messages::kInvalid;
    }
    if (!errors.empty()) return validation_error(std::move(errors));
    return success();
}

store::IncidentRow incident_row(const IncidentFields& fields, std::int64_t id, const std::string& created_by) {
    store::IncidentRow row;
    row.id = id;
    row.message = fields.message;
    row.router_id = fields.router_id;
    row.expected_recovery_at = fields.expected_recovery_at;
    row.resolved = fields.resolved;
    row.created_by = created_by;
    return row;
}

Result<api::Json> incident_by_id(store::Database& db, std::int64_t id, UtcOffset offset) {
    const auto row = TRY(store::find_incident(db, id));
    if (!row) return make_error(ErrorCode::NotFound, messages::kIncidentNotFound);
    return incident_json(*row, offset);
}

}  // namespace

Result<void> record_router_reachability(store::Database& db, std::int64_t router_id, bool reachable, const std::string& detail,
                                        std::int64_t now) {
    return store::upsert_router_reachability(db, router_id, reachable, detail, now);
}

Result<int> probe_routers(app::Context& context) {
    const auto routers = TRY(services::list_routers(context.db));
    int reachable = 0;
    for (const auto& listed : routers) {
        auto router = router_with_password(context, listed.id);
        if (!router) continue;
        auto status = context.ports.router_control(*router, {})->test();
        reachable += status ? 1 : 0;
        TRY_VOID(record_router_reachability(context.db, listed.id, status.ok(), status ? "" : status.error().message(), context.now));
    }
    return reachable;
}

Result<api::Json> public_network_status(store::Database& db, UtcOffset offset) {
    api::Json routers = api::Json::array();
    bool any_down = false;
    const auto rows = TRY(store::list_router_reachability(db));
    for (const auto& row : rows) {
        api::Json router = {{"name", row.name}};
        if (!row.reachable) {
            router["status"] = "unknown";
            router["since"] = nullptr;
            router["checked_at"] = nullptr;
        } else {
            const bool up = *row.reachable;
            any_down = any_down || !up;
            router["status"] = up ? "up" : "down";
            router["since"] = row.changed_at;
            router["since_text"] = local_text(row.changed_at, offset);
            router["checked_at"] = row.checked_at;
        }
        routers.push_back(std::move(router));
    }
    api::Json incidents = TRY(list_incidents(db, offset, false));
    for (auto& incident : incidents) incident.erase("created_by");
    // Ongoing outages (docs/outages.md): title and area, never who is affected.
    api::Json outages = TRY(public_outages(db, offset));
    const bool disrupted = any_down || !incidents.empty() || !outages.empty();
    return api::Json{{"overall", disrupted ? "gangguan" : "normal"}, {"routers", std::move(routers)}, {"incidents", std::move(incidents)},
                     {"outages", std::move(outages)}};
}

Result<api::Json> create_incident(app::Context& context, const api::Json& input) {
    IncidentFields fields;
    TRY_VOID(read_incident(context.db, input, context.offset, fields));
    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const std::int64_t id = TRY(store::insert_incident(context.db, incident_row(fields, 0, context.actor.name), context.now));
        created = TRY(incident_by_id(context.db, id, context.offset));
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
        TRY_VOID(store::update_incident_row(context.db, incident_row(fields, id, {}), context.now));
        updated = TRY(incident_by_id(context.db, id, context.offset));
        return log_activity(context, "incident.update", "incident", id, before, updated);
    }));
    return updated;
}

Result<api::Json> list_incidents(store::Database& db, UtcOffset offset, bool include_resolved) {
    const auto rows = TRY(store::list_incident_rows(db, include_resolved));
    api::Json out = api::Json::array();
    for (const auto& row : rows) out.push_back(incident_json(row, offset));
    return out;
}

}  // namespace kimonet::services
