// Opening, editing, closing and listing outages (services/outage_service.hpp); the notices and
// credits they lead to are in outage_work.cpp.
#include "services/outage_service.hpp"

#include <algorithm>
#include <array>

#include "api/outage_dto.hpp"
#include "core/outage_messages.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "messaging/notice_text.hpp"
#include "network/outage_area.hpp"
#include "services/activity_log.hpp"
#include "services/network_status.hpp"
#include "services/outage_targets.hpp"
#include "store/outage_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::array<std::string_view, 6> kOutageTargetKinds = {"router", "olt", "pon_port", "odc", "odp", "area"};
// How far back an outage may be opened ("it began at 02:00"): further back would pause and credit
// days nobody reported at the time.
constexpr std::int64_t kOutageMaxBackdateSeconds = 48 * 3600;
constexpr int kOutageListLimit = 200;

api::OutageResource outage_resource(const store::OutageRow& row, std::int64_t now, UtcOffset offset) {
    api::OutageResource out;
    out.id = row.id;
    out.title = row.title;
    out.cause = row.cause;
    out.target_kind = row.target_kind;
    out.target_id = row.target_id;
    out.area_name = row.area_name;
    out.area_shape = row.area_shape;
    out.started_at = row.started_at;
    out.started_at_text = local_time_text(row.started_at, offset);
    out.ended_at = row.ended_at;
    if (row.ended_at) out.ended_at_text = local_time_text(*row.ended_at, offset);
    out.expected_end_at = row.expected_end_at;
    if (row.expected_end_at) out.expected_end_text = local_time_text(*row.expected_end_at, offset);
    out.ongoing = !row.ended_at;
    out.duration_seconds = std::max<std::int64_t>(0, row.ended_at.value_or(now) - row.started_at);
    out.affected_count = row.affected_count;
    out.start_notices = row.start_notices;
    out.end_notices = row.end_notices;
    out.credits = row.credits;
    out.credit_total = row.credit_total;
    out.phase = row.phase;
    out.created_by = row.created_by;
    out.closed_by = row.closed_by;
    return out;
}

Result<store::OutageRow> existing_outage(store::Database& db, std::int64_t id) {
    auto row = TRY(store::find_outage(db, id));
    if (!row) return make_error(ErrorCode::NotFound, messages::kOutageNotFound);
    return *row;
}

// A time field: absent keeps `out`; unix seconds or local "YYYY-MM-DD HH:MM"; null or "" clears
// it when `clearable`.
void read_outage_time(const api::Json& input, const char* name, UtcOffset offset, std::optional<std::int64_t>& out, bool clearable,
                      FieldErrors& errors) {
    const auto it = input.find(name);
    if (it == input.end()) return;
    if (clearable && (it->is_null() || (it->is_string() && trim_copy(it->get<std::string>()).empty()))) out.reset();
    else if (it->is_number_integer() && it->get<std::int64_t>() > 0) out = it->get<std::int64_t>();
    else if (auto parsed = it->is_string() ? parse_local_time_text(trim_copy(it->get<std::string>()), offset) : std::nullopt) out = parsed;
    else errors[name] = messages::with_detail(messages::kInvalid, "YYYY-MM-DD HH:MM");
}

void check_outage_text(const std::string& text, const char* field, std::size_t limit, const char* too_long, bool required, FieldErrors& errors) {
    if (errors.contains(field)) return;
    if (required && text.empty()) errors[field] = messages::kRequired;
    else if (!is_valid_utf8(text) || utf8_length(text) > limit) errors[field] = too_long;
}

// The editable text fields, over `row`.
void read_outage_texts(const api::Json& input, UtcOffset offset, store::OutageRow& row, FieldErrors& errors) {
    api::FieldReader reader(input);
    reader.read("title", row.title);
    reader.read("cause", row.cause);
    reader.read("area_name", row.area_name);
    api::merge_field_errors(errors, reader.errors());
    row.title = trim_copy(row.title);
    row.cause = trim_copy(row.cause);
    row.area_name = trim_copy(row.area_name);
    check_outage_text(row.title, "title", 200, messages::kTooLong200, true, errors);
    check_outage_text(row.cause, "cause", 500, messages::kTooLong500, false, errors);
    check_outage_text(row.area_name, "area_name", 200, messages::kTooLong200, false, errors);
    // The title and the area go to every affected customer from the ISP's number, typed by a role
    // that may not broadcast (outages.manage, not messages.send): words and places only.
    for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"title", &row.title}, {"area_name", &row.area_name}})
        if (!errors.contains(field) && messaging::has_link_or_formatting(*text)) errors[field] = messages::kOutageTextNoLinks;
    read_outage_time(input, "expected_end_at", offset, row.expected_end_at, true, errors);
    if (row.expected_end_at && *row.expected_end_at <= row.started_at && !errors.contains("expected_end_at"))
        errors["expected_end_at"] = messages::kOutageExpectedEnd;
}

}  // namespace

Result<api::Json> get_outage(store::Database& db, std::int64_t id, std::int64_t now, UtcOffset offset) {
    const auto row = TRY(existing_outage(db, id));
    return api::to_json(outage_resource(row, now, offset));
}

Result<api::Json> list_outages(store::Database& db, std::int64_t now, UtcOffset offset, bool include_ended) {
    api::Json out = api::Json::array();
    for (const auto& row : TRY(store::list_outages(db, include_ended, kOutageListLimit)))
        out.push_back(api::to_json(outage_resource(row, now, offset)));
    return out;
}

Result<api::Json> create_outage(app::Context& context, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    store::OutageRow row;
    row.started_at = context.now;
    FieldErrors errors;
    api::FieldReader reader(input);
    reader.read("target_kind", row.target_kind);
    reader.read("target_id", row.target_id);
    reader.read("area_shape", row.area_shape);
    errors = reader.errors();
    std::optional<std::int64_t> started = row.started_at;
    read_outage_time(input, "started_at", context.offset, started, false, errors);
    row.started_at = started.value_or(context.now);
    if (!errors.contains("started_at") && (row.started_at > context.now || row.started_at < context.now - kOutageMaxBackdateSeconds))
        errors["started_at"] = messages::kOutageStartRange;
    read_outage_texts(input, context.offset, row, errors);

    const bool area = row.target_kind == "area";
    if (std::find(kOutageTargetKinds.begin(), kOutageTargetKinds.end(), row.target_kind) == kOutageTargetKinds.end()) {
        if (!errors.contains("target_kind")) errors["target_kind"] = messages::kOutageTargetKind;
    } else if (area) {
        if (row.target_id) errors["target_id"] = messages::kInvalid;
        row.target_id.reset();
        row.area_shape = trim_copy(row.area_shape);
        if (auto shape = network::parse_outage_area(row.area_shape); !shape) api::merge_field_errors(errors, shape.error().fields);
        else row.area_shape = shape->to_text();
        if (row.area_name.empty() && !errors.contains("area_name")) errors["area_name"] = messages::kRequired;
    } else {
        if (!row.area_shape.empty()) errors["area_shape"] = messages::kInvalid;
        if (!row.target_id) {
            if (!errors.contains("target_id")) errors["target_id"] = messages::kRequired;
        } else {
            auto name = outage_target_name(context.db, row.target_kind, *row.target_id);
            if (!name) errors["target_id"] = name.error().message();
            else if (!*name) errors["target_id"] = messages::kOutageTargetMissing;
            else if (row.area_name.empty()) row.area_name = **name;
        }
    }
    if (!errors.empty()) return validation_error(std::move(errors));

    row.created_by = context.actor.name;
    std::int64_t id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        id = TRY(store::insert_outage(context.db, row, context.now));
        const std::int64_t affected = TRY(store_outage_customers(context.db, id, row.target_kind, row.target_id, row.area_shape));
        TRY_VOID(store::set_outage_affected_count(context.db, id, affected));
        return log_activity(context, "outage.open", "outage", id, nullptr,
                            {{"title", row.title}, {"target_kind", row.target_kind}, {"target_id", api::Json(row.target_id.value_or(0))},
                             {"area_name", row.area_name}, {"started_at", row.started_at}, {"affected", affected}});
    }));
    TRY(process_outages(context));
    return get_outage(context.db, id, context.now, context.offset);
}

Result<api::Json> update_outage(app::Context& context, std::int64_t id, const api::Json& changes) {
    if (!changes.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        store::OutageRow row = TRY(existing_outage(context.db, id));
        const api::Json before = TRY(get_outage(context.db, id, context.now, context.offset));
        FieldErrors errors;
        for (const char* fixed : {"target_kind", "target_id", "area_shape", "started_at", "ended_at"})
            if (changes.contains(fixed)) errors[fixed] = messages::kInvalid;
        read_outage_texts(changes, context.offset, row, errors);
        if (row.area_name.empty() && !errors.contains("area_name")) errors["area_name"] = messages::kRequired;
        if (!errors.empty()) return validation_error(std::move(errors));
        TRY_VOID(store::update_outage_text(context.db, row, context.now));
        return log_activity(context, "outage.update", "outage", id, before, TRY(get_outage(context.db, id, context.now, context.offset)));
    }));
    return get_outage(context.db, id, context.now, context.offset);
}

Result<api::Json> close_outage(app::Context& context, std::int64_t id, const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const store::OutageRow row = TRY(existing_outage(context.db, id));
        if (row.ended_at) return make_error(ErrorCode::Conflict, messages::kOutageAlreadyEnded);
        FieldErrors errors;
        std::optional<std::int64_t> ended = context.now;
        read_outage_time(input, "ended_at", context.offset, ended, false, errors);
        const std::int64_t ended_at = ended.value_or(context.now);
        if (!errors.contains("ended_at") && (ended_at < row.started_at || ended_at > context.now)) errors["ended_at"] = messages::kOutageEndRange;
        if (!errors.empty()) return validation_error(std::move(errors));
        if (!TRY(store::end_outage(context.db, id, ended_at, context.actor.name, context.now)))
            return make_error(ErrorCode::Conflict, messages::kOutageAlreadyEnded);
        return log_activity(context, "outage.close", "outage", id, nullptr,
                            {{"ended_at", ended_at}, {"duration_seconds", ended_at - row.started_at}, {"affected", row.affected_count}});
    }));
    TRY(process_outages(context));
    return get_outage(context.db, id, context.now, context.offset);
}

}  // namespace kimonet::services
