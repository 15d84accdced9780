#include "services/dunning_schedules.hpp"

#include <set>

#include "api/dunning_dto.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"

namespace kimonet::services {

namespace {

constexpr const char* kStepColumns =
    "id, schedule_id, day_offset, action, channel, template_key, enabled, fee_kind, fee_amount, fee_percent_bp, fee_cap";

dunning::Step step_from_row(const store::Statement& row) {
    dunning::Step step;
    step.id = row.column_int(0);
    step.day_offset = static_cast<int>(row.column_int(2));
    step.action = dunning::parse_step_action(row.column_text(3)).value_or(dunning::StepAction::Remind);
    step.channel = row.column_text(4);
    step.template_key = row.column_text(5);
    step.enabled = row.column_int(6) != 0;
    step.fee_kind = dunning::parse_fee_kind(row.column_text(7)).value_or(dunning::FeeKind::Fixed);
    step.fee_amount = row.column_int(8);
    step.fee_percent_bp = static_cast<int>(row.column_int(9));
    step.fee_cap = row.column_int(10);
    return step;
}

Result<void> write_step(store::Database& db, std::int64_t schedule_id, int position, const dunning::Step& step) {
    auto statement = TRY(db.prepare(
        step.id ? "UPDATE dunning_steps SET position = :position, day_offset = :offset, action = :action, channel = :channel, "
                  "template_key = :template, enabled = :enabled, fee_kind = :fee_kind, fee_amount = :fee_amount, "
                  "fee_percent_bp = :fee_bp, fee_cap = :fee_cap WHERE id = :id AND schedule_id = :schedule"
                : "INSERT INTO dunning_steps(schedule_id, position, day_offset, action, channel, template_key, enabled, fee_kind, "
                  "fee_amount, fee_percent_bp, fee_cap) VALUES (:schedule, :position, :offset, :action, :channel, :template, :enabled, "
                  ":fee_kind, :fee_amount, :fee_bp, :fee_cap)"));
    statement.bind_named(":schedule", schedule_id).bind_named(":position", position).bind_named(":offset", step.day_offset);
    statement.bind_named(":action", dunning::to_string(step.action)).bind_named(":channel", step.channel);
    statement.bind_named(":template", step.template_key).bind_named(":enabled", step.enabled);
    statement.bind_named(":fee_kind", dunning::to_string(step.fee_kind)).bind_named(":fee_amount", step.fee_amount);
    statement.bind_named(":fee_bp", step.fee_percent_bp).bind_named(":fee_cap", step.fee_cap).bind_named(":id", step.id);
    return statement.run();
}

Result<void> write_schedule(app::Context& context, std::int64_t id, const dunning::Schedule& schedule, bool make_default) {
    if (make_default) TRY_VOID(context.db.execute("UPDATE dunning_schedules SET is_default = 0 WHERE is_default = 1"));
    auto update = TRY(context.db.prepare(
        "UPDATE dunning_schedules SET name = ?, description = ?, is_default = CASE WHEN ? THEN 1 ELSE is_default END, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?"));
    update.bind(1, trim_copy(schedule.name)).bind(2, schedule.description).bind(3, make_default).bind(4, id);
    TRY_VOID(update.run());
    std::set<std::int64_t> kept;
    for (std::size_t index = 0; index < schedule.steps.size(); ++index) {
        TRY_VOID(write_step(context.db, id, static_cast<int>(index + 1), schedule.steps[index]));
        kept.insert(schedule.steps[index].id ? schedule.steps[index].id : context.db.last_insert_id());
    }
    auto existing = TRY(context.db.prepare("SELECT id FROM dunning_steps WHERE schedule_id = ? AND retired = 0"));
    existing.bind(1, id);
    std::vector<std::int64_t> retire;
    while (TRY(existing.step()))
        if (!kept.contains(existing.column_int(0))) retire.push_back(existing.column_int(0));
    for (const auto step_id : retire) {
        auto statement = TRY(context.db.prepare("UPDATE dunning_steps SET retired = 1 WHERE id = ?"));
        statement.bind(1, step_id);
        TRY_VOID(statement.run());
    }
    return {};
}

Result<bool> name_taken(store::Database& db, const std::string& name, std::int64_t except_id) {
    auto statement = TRY(db.prepare("SELECT 1 FROM dunning_schedules WHERE name = ? AND id <> ?"));
    statement.bind(1, trim_copy(name)).bind(2, except_id);
    return TRY(statement.step());
}

Result<std::optional<std::int64_t>> schedule_id_from(const api::Json& input, store::Database& db) {
    api::FieldReader reader(input);
    if (!reader.has("schedule_id")) reader.add_error("schedule_id", messages::kRequired);
    std::optional<std::int64_t> schedule_id;
    reader.read("schedule_id", schedule_id);
    if (reader.ok() && schedule_id) {
        auto exists = TRY(db.prepare("SELECT 1 FROM dunning_schedules WHERE id = ?"));
        exists.bind(1, *schedule_id);
        if (!TRY(exists.step())) reader.add_error("schedule_id", "jadwal penagihan tidak ditemukan");
    }
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return schedule_id;
}

Result<api::Json> assign(app::Context& context, const char* table, const char* subject, std::int64_t id, const api::Json& input) {
    const auto schedule_id = TRY(schedule_id_from(input, context.db));
    api::Json before, after = {{"dunning_schedule_id", schedule_id ? api::Json(*schedule_id) : api::Json(nullptr)}};
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto current = TRY(context.db.prepare(std::string("SELECT dunning_schedule_id FROM ") + table + " WHERE id = ?"));
        current.bind(1, id);
        if (!TRY(current.step())) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kNotFound, subject));
        before = {{"dunning_schedule_id", current.column_is_null(0) ? api::Json(nullptr) : api::Json(current.column_int(0))}};
        auto update = TRY(context.db.prepare(std::string("UPDATE ") + table + " SET dunning_schedule_id = ? WHERE id = ?"));
        update.bind(1, schedule_id).bind(2, id);
        TRY_VOID(update.run());
        return log_activity(context, std::string(subject) + ".dunning_schedule", subject, id, before, after);
    }));
    return after;
}

}  // namespace

const dunning::Schedule* ScheduleSet::find(std::int64_t id) const {
    auto it = schedules.find(id);
    if (it == schedules.end()) it = schedules.find(default_id);
    return it == schedules.end() ? nullptr : &it->second;
}

Result<ScheduleSet> load_schedules(store::Database& db) {
    ScheduleSet set;
    auto schedules = TRY(db.prepare("SELECT id, name, description, is_default FROM dunning_schedules ORDER BY id"));
    while (TRY(schedules.step())) {
        dunning::Schedule schedule;
        schedule.id = schedules.column_int(0);
        schedule.name = schedules.column_text(1);
        schedule.description = schedules.column_text(2);
        schedule.is_default = schedules.column_int(3) != 0;
        if (schedule.is_default) set.default_id = schedule.id;
        set.schedules.emplace(schedule.id, std::move(schedule));
    }
    auto steps = TRY(db.prepare(std::string("SELECT ") + kStepColumns + " FROM dunning_steps WHERE retired = 0 ORDER BY schedule_id, position"));
    while (TRY(steps.step())) {
        auto it = set.schedules.find(steps.column_int(1));
        if (it != set.schedules.end()) it->second.steps.push_back(step_from_row(steps));
    }
    for (auto& [id, schedule] : set.schedules) dunning::sort_steps(schedule.steps);
    return set;
}

Result<dunning::Schedule> get_dunning_schedule(store::Database& db, std::int64_t id) {
    auto set = TRY(load_schedules(db));
    auto it = set.schedules.find(id);
    if (it == set.schedules.end()) return make_error(ErrorCode::NotFound, messages::kDunningScheduleNotFound);
    return it->second;
}

Result<api::Json> list_dunning_schedules(store::Database& db) {
    const auto set = TRY(load_schedules(db));
    api::Json rows = api::Json::array();
    for (const auto& [id, schedule] : set.schedules) {
        api::ScheduleResource row{schedule};
        auto packages = TRY(db.prepare("SELECT id FROM internet_packages WHERE dunning_schedule_id = ? ORDER BY id"));
        packages.bind(1, id);
        while (TRY(packages.step())) row.package_ids.push_back(packages.column_int(0));
        auto customers = TRY(db.prepare("SELECT COUNT(*) FROM customers WHERE dunning_schedule_id = ?"));
        customers.bind(1, id);
        TRY(customers.step());
        row.customer_overrides = customers.column_int(0);
        rows.push_back(api::to_json(row));
    }
    return rows;
}

Result<dunning::Schedule> create_dunning_schedule(app::Context& context, const api::Json& input) {
    dunning::Schedule schedule = TRY(api::schedule_from_json(input));
    for (auto& step : schedule.steps) step.id = 0;
    bool make_default = false;
    api::FieldReader reader(input);
    reader.read("is_default", make_default);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    if (TRY(name_taken(context.db, schedule.name, 0))) return validation_error({{"name", messages::kScheduleNameTaken}});
    std::int64_t id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto insert = TRY(context.db.prepare("INSERT INTO dunning_schedules(name, description) VALUES (?, ?)"));
        insert.bind(1, trim_copy(schedule.name)).bind(2, schedule.description);
        TRY_VOID(insert.run());
        id = context.db.last_insert_id();
        TRY_VOID(write_schedule(context, id, schedule, make_default));
        return log_activity(context, "dunning.schedule_create", "dunning_schedule", id, api::Json::object(), api::to_json(schedule));
    }));
    return get_dunning_schedule(context.db, id);
}

Result<dunning::Schedule> update_dunning_schedule(app::Context& context, std::int64_t id, const api::Json& input) {
    const dunning::Schedule before = TRY(get_dunning_schedule(context.db, id));
    dunning::Schedule schedule = TRY(api::schedule_from_json(input));
    bool make_default = false;
    api::FieldReader reader(input);
    reader.read("is_default", make_default);
    // A step id must be one of this schedule's steps; anything else is a typo or another schedule's step.
    std::set<std::int64_t> own;
    auto steps = TRY(context.db.prepare("SELECT id FROM dunning_steps WHERE schedule_id = ? AND retired = 0"));
    steps.bind(1, id);
    while (TRY(steps.step())) own.insert(steps.column_int(0));
    for (std::size_t index = 0; index < schedule.steps.size(); ++index)
        if (schedule.steps[index].id && !own.contains(schedule.steps[index].id))
            reader.add_error("steps." + std::to_string(index) + ".id", "langkah bukan milik jadwal ini");
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    if (TRY(name_taken(context.db, schedule.name, id))) return validation_error({{"name", messages::kScheduleNameTaken}});
    if (before.is_default && input.contains("is_default") && !make_default)
        return validation_error({{"is_default", messages::kMakeAnotherDefaultFirst}});
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(write_schedule(context, id, schedule, make_default));
        return log_activity(context, "dunning.schedule_update", "dunning_schedule", id, api::to_json(before), api::to_json(schedule));
    }));
    return get_dunning_schedule(context.db, id);
}

Result<api::Json> assign_package_schedule(app::Context& context, std::int64_t package_id, const api::Json& input) {
    return assign(context, "internet_packages", "package", package_id, input);
}

Result<api::Json> assign_customer_schedule(app::Context& context, std::int64_t customer_id, const api::Json& input) {
    return assign(context, "customers", "customer", customer_id, input);
}

}  // namespace kimonet::services
