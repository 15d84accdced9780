#include "services/dunning_schedules.hpp"

#include <set>

#include "api/dunning_dto.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"
#include "store/dunning_store.hpp"

namespace kimonet::services {

namespace {

Result<void> write_schedule(app::Context& context, std::int64_t id, const dunning::Schedule& schedule, bool make_default) {
    if (make_default) TRY_VOID(store::clear_default_dunning_schedule(context.db));
    TRY_VOID(store::update_dunning_schedule_row(context.db, id, trim_copy(schedule.name), schedule.description, make_default, context.now));
    std::set<std::int64_t> kept;
    for (std::size_t index = 0; index < schedule.steps.size(); ++index) {
        const dunning::Step& step = schedule.steps[index];
        const int position = static_cast<int>(index + 1);
        if (step.id) {
            TRY_VOID(store::update_dunning_step(context.db, id, position, step));
            kept.insert(step.id);
        } else {
            kept.insert(TRY(store::insert_dunning_step(context.db, id, position, step)));
        }
    }
    std::vector<std::int64_t> retire;
    for (const auto step_id : TRY(store::active_dunning_step_ids(context.db, id)))
        if (!kept.contains(step_id)) retire.push_back(step_id);
    for (const auto step_id : retire) TRY_VOID(store::retire_dunning_step(context.db, step_id));
    return {};
}

Result<bool> name_taken(store::Database& db, const std::string& name, std::int64_t except_id) {
    return store::dunning_schedule_name_taken(db, trim_copy(name), except_id);
}

Result<std::optional<std::int64_t>> schedule_id_from(const api::Json& input, store::Database& db) {
    api::FieldReader reader(input);
    if (!reader.has("schedule_id")) reader.add_error("schedule_id", messages::kRequired);
    std::optional<std::int64_t> schedule_id;
    reader.read("schedule_id", schedule_id);
    if (reader.ok() && schedule_id) {
        if (!TRY(store::dunning_schedule_exists(db, *schedule_id))) reader.add_error("schedule_id", "jadwal penagihan tidak ditemukan");
    }
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return schedule_id;
}

Result<api::Json> assign(app::Context& context, store::DunningSubject table, const char* subject, std::int64_t id, const api::Json& input) {
    const auto schedule_id = TRY(schedule_id_from(input, context.db));
    api::Json before, after = {{"dunning_schedule_id", schedule_id ? api::Json(*schedule_id) : api::Json(nullptr)}};
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto current = TRY(store::find_dunning_assignment(context.db, table, id));
        if (!current) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kNotFound, subject));
        before = {{"dunning_schedule_id", current->schedule_id ? api::Json(*current->schedule_id) : api::Json(nullptr)}};
        TRY_VOID(store::set_dunning_assignment(context.db, table, id, schedule_id));
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
    for (auto& schedule : TRY(store::list_dunning_schedule_rows(db))) {
        if (schedule.is_default) set.default_id = schedule.id;
        const std::int64_t id = schedule.id;
        set.schedules.emplace(id, std::move(schedule));
    }
    for (auto& step : TRY(store::list_active_dunning_steps(db))) {
        auto it = set.schedules.find(step.schedule_id);
        if (it != set.schedules.end()) it->second.steps.push_back(std::move(step.step));
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
        for (const auto package_id : TRY(store::packages_with_dunning_schedule(db, id))) row.package_ids.push_back(package_id);
        row.customer_overrides = TRY(store::count_customers_with_dunning_schedule(db, id));
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
        id = TRY(store::insert_dunning_schedule(context.db, trim_copy(schedule.name), schedule.description, context.now));
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
    for (const auto step_id : TRY(store::active_dunning_step_ids(context.db, id))) own.insert(step_id);
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
    return assign(context, store::DunningSubject::Package, "package", package_id, input);
}

Result<api::Json> assign_customer_schedule(app::Context& context, std::int64_t customer_id, const api::Json& input) {
    return assign(context, store::DunningSubject::Customer, "customer", customer_id, input);
}

}  // namespace kimonet::services
