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

}  // namespace kimonet::api
