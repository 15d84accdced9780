#pragma once
// Dunning schedules in the store: listing, creating and editing them (steps are retired, never
// deleted, so recorded actions keep their step), and assigning them to packages and customers.
// Which schedule applies to a customer: the customer's own, else the package's, else the default.
#include <map>
#include <optional>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "dunning/schedule.hpp"

namespace kimonet::services {

struct ScheduleSet {
    std::map<std::int64_t, dunning::Schedule> schedules;  // active steps only, sorted
    std::int64_t default_id = 0;
    const dunning::Schedule* find(std::int64_t id) const;
};
Result<ScheduleSet> load_schedules(store::Database& db);

// Every schedule with its steps, the packages it is assigned to and how many customers use it directly.
Result<api::Json> list_dunning_schedules(store::Database& db);
Result<dunning::Schedule> get_dunning_schedule(store::Database& db, std::int64_t id);
// {"name", "description"?, "is_default"?, "steps": [...]} (see api::schedule_from_json).
Result<dunning::Schedule> create_dunning_schedule(app::Context& context, const api::Json& input);
// Replaces name, description and steps: a step with the "id" of one of the schedule's steps is
// updated in place, one without an id is added, and steps left out are retired.
Result<dunning::Schedule> update_dunning_schedule(app::Context& context, std::int64_t id, const api::Json& input);

// {"schedule_id": N | null}: null removes the assignment (the package's customers fall back to the default).
Result<api::Json> assign_package_schedule(app::Context& context, std::int64_t package_id, const api::Json& input);
// {"schedule_id": N | null}: null removes the override (the package's schedule applies again).
Result<api::Json> assign_customer_schedule(app::Context& context, std::int64_t customer_id, const api::Json& input);

}  // namespace kimonet::services
