#pragma once
// JSON shapes of dunning schedules, decisions and timelines (used by the server and the browser app).
#include "api/json_fields.hpp"
#include "dunning/policy.hpp"

namespace kimonet::api {

Json to_json(const dunning::Step& step);
Json to_json(const dunning::Schedule& schedule);
// {"name", "description"?, "steps": [{"id"?, "day_offset", "action", "channel"?, "template_key"?, "enabled"?,
// "fee_kind"?, "fee_amount"?, "fee_percent_bp"?, "fee_cap"?}]}: wrong types and unknown actions come back as
// field errors ("steps.2.action"), then the schedule rules of dunning::validate_schedule.
Result<dunning::Schedule> schedule_from_json(const Json& json);
Json to_json(const dunning::TimelineEntry& entry);

// The reading sides of to_json(Schedule) and to_json(TimelineEntry) (the browser): never throw; a
// missing or mistyped field keeps the domain default (Step{}: remind, whatsapp, "reminder", enabled,
// fixed fee 0; an entry's state "upcoming", its date 1970-01-01). "label" is derived and not read.
// schedule_from_json above is the other thing: staff input, validated, with field errors.
dunning::Step step_from_output_json(const Json& json);
dunning::Schedule schedule_from_output_json(const Json& json);
dunning::TimelineEntry timeline_entry_from_json(const Json& json);

// A row of GET /api/dunning/schedules: the schedule, the packages that use it and how many
// customers have it as their own override.
struct ScheduleResource {
    dunning::Schedule schedule;
    std::vector<std::int64_t> package_ids;
    std::int64_t customer_overrides = 0;
};
Json to_json(const ScheduleResource& resource);
// Never throws; package ids that are not integers are skipped.
ScheduleResource schedule_resource_from_json(const Json& json);
// The rows of a list answer ({"data":[…]} or a bare array); rows that are not objects are skipped.
std::vector<ScheduleResource> schedule_resources_from_list(const Json& body);

}  // namespace kimonet::api
