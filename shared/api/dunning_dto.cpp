#include "api/dunning_dto.hpp"

#include "core/validation_messages.hpp"

namespace kimonet::api {

Json to_json(const dunning::Step& step) {
    return {{"id", step.id},
            {"day_offset", step.day_offset},
            {"label", dunning::day_label(step.day_offset)},
            {"action", dunning::to_string(step.action)},
            {"channel", step.channel},
            {"template_key", step.template_key},
            {"enabled", step.enabled},
            {"fee_kind", dunning::to_string(step.fee_kind)},
            {"fee_amount", step.fee_amount},
            {"fee_percent_bp", step.fee_percent_bp},
            {"fee_cap", step.fee_cap}};
}

Json to_json(const dunning::Schedule& schedule) {
    Json steps = Json::array();
    for (const auto& step : schedule.steps) steps.push_back(to_json(step));
    return {{"id", schedule.id}, {"name", schedule.name}, {"description", schedule.description}, {"is_default", schedule.is_default},
            {"steps", std::move(steps)}};
}

namespace {

dunning::Step step_from_json(const Json& json, const std::string& prefix, FieldErrors& errors) {
    dunning::Step step;
    if (!json.is_object()) {
        errors.emplace(prefix.substr(0, prefix.size() - 1), messages::kWrongType);
        return step;
    }
    FieldReader reader(json);
    std::string action, fee_kind = "fixed";
    if (!reader.has("day_offset")) reader.add_error("day_offset", messages::kRequired);
    if (!reader.has("action")) reader.add_error("action", messages::kRequired);
    reader.read("id", step.id);
    reader.read("day_offset", step.day_offset);
    reader.read("action", action);
    reader.read("channel", step.channel);
    reader.read("template_key", step.template_key);
    reader.read("enabled", step.enabled);
    reader.read("fee_kind", fee_kind);
    reader.read("fee_amount", step.fee_amount);
    reader.read("fee_percent_bp", step.fee_percent_bp);
    reader.read("fee_cap", step.fee_cap);
    if (!reader.errors().contains("action") && reader.has("action")) {
        if (auto parsed = dunning::parse_step_action(action)) step.action = *parsed;
        else reader.add_error("action", "remind, warn, late_fee, isolate atau terminate");
    }
    if (auto parsed = dunning::parse_fee_kind(fee_kind)) step.fee_kind = *parsed;
    else reader.add_error("fee_kind", "fixed atau percent");
    for (const auto& [field, message] : reader.errors()) errors.emplace(prefix + field, message);
    return step;
}

}  // namespace

Result<dunning::Schedule> schedule_from_json(const Json& json) {
    dunning::Schedule schedule;
    FieldReader reader(json);
    if (!reader.has("name")) reader.add_error("name", messages::kRequired);
    reader.read("name", schedule.name);
    reader.read("description", schedule.description);
    FieldErrors errors = reader.errors();
    if (!json.contains("steps") || !json["steps"].is_array()) {
        errors.emplace("steps", json.contains("steps") ? messages::kWrongType : messages::kRequired);
    } else {
        const auto& steps = json["steps"];
        for (std::size_t index = 0; index < steps.size(); ++index)
            schedule.steps.push_back(step_from_json(steps[index], "steps." + std::to_string(index) + ".", errors));
    }
    if (errors.empty()) {
        if (auto valid = dunning::validate_schedule(schedule); !valid) merge_field_errors(errors, valid.error().fields);
    }
    if (!errors.empty()) return validation_error(std::move(errors));
    // Fee fields only mean something on a late fee step; others store zeros.
    for (auto& step : schedule.steps) {
        if (step.action == dunning::StepAction::LateFee) continue;
        step.fee_amount = 0;
        step.fee_percent_bp = 0;
        step.fee_cap = 0;
    }
    return schedule;
}

Json to_json(const dunning::TimelineEntry& entry) {
    Json out = {{"invoice_id", entry.invoice_id},
                {"invoice_no", entry.invoice_no},
                {"step_id", entry.step.id},
                {"label", dunning::day_label(entry.step.day_offset)},
                {"day_offset", entry.step.day_offset},
                {"action", dunning::to_string(entry.step.action)},
                {"template_key", entry.step.template_key},
                {"date", to_string(entry.date)},
                {"amount", entry.amount},
                {"state", dunning::to_string(entry.state)}};
    if (!entry.reason.empty()) out["reason"] = entry.reason;
    return out;
}

dunning::Step step_from_output_json(const Json& json) {
    dunning::Step step;
    step.id = json_int(json, "id");
    step.day_offset = static_cast<int>(json_int(json, "day_offset"));
    step.action = dunning::parse_step_action(json_string(json, "action")).value_or(step.action);
    step.channel = json_string(json, "channel", step.channel);
    step.template_key = json_string(json, "template_key", step.template_key);
    step.enabled = json_bool(json, "enabled", step.enabled);
    step.fee_kind = dunning::parse_fee_kind(json_string(json, "fee_kind")).value_or(step.fee_kind);
    step.fee_amount = json_int(json, "fee_amount");
    step.fee_percent_bp = static_cast<int>(json_int(json, "fee_percent_bp"));
    step.fee_cap = json_int(json, "fee_cap");
    return step;
}

dunning::Schedule schedule_from_output_json(const Json& json) {
    dunning::Schedule schedule;
    schedule.id = json_int(json, "id");
    schedule.name = json_string(json, "name");
    schedule.description = json_string(json, "description");
    schedule.is_default = json_bool(json, "is_default", false);
    if (json.is_object())
        if (auto steps = json.find("steps"); steps != json.end() && steps->is_array())
            for (const auto& step : *steps)
                if (step.is_object()) schedule.steps.push_back(step_from_output_json(step));
    return schedule;
}

dunning::TimelineEntry timeline_entry_from_json(const Json& json) {
    dunning::TimelineEntry entry;
    entry.invoice_id = json_int(json, "invoice_id");
    entry.invoice_no = json_string(json, "invoice_no");
    entry.step.id = json_int(json, "step_id");
    entry.step.day_offset = static_cast<int>(json_int(json, "day_offset"));
    entry.step.action = dunning::parse_step_action(json_string(json, "action")).value_or(entry.step.action);
    entry.step.template_key = json_string(json, "template_key", entry.step.template_key);
    if (auto date = parse_date(json_string(json, "date"))) entry.date = *date;
    entry.amount = json_int(json, "amount");
    const std::string state = json_string(json, "state");
    for (auto candidate : {dunning::TimelineState::Done, dunning::TimelineState::Skipped, dunning::TimelineState::Failed,
                           dunning::TimelineState::DueToday, dunning::TimelineState::Upcoming})
        if (dunning::to_string(candidate) == state) entry.state = candidate;
    entry.reason = json_string(json, "reason");
    return entry;
}

Json to_json(const ScheduleResource& resource) {
    Json json = to_json(resource.schedule);
    json["package_ids"] = resource.package_ids;
    json["customer_overrides"] = resource.customer_overrides;
    return json;
}

ScheduleResource schedule_resource_from_json(const Json& json) {
    ScheduleResource resource{schedule_from_output_json(json)};
    if (json.is_object())
        if (auto packages = json.find("package_ids"); packages != json.end() && packages->is_array())
            for (const auto& id : *packages)
                if (id.is_number_integer()) resource.package_ids.push_back(id.get<std::int64_t>());
    resource.customer_overrides = json_int(json, "customer_overrides");
    return resource;
}

std::vector<ScheduleResource> schedule_resources_from_list(const Json& body) {
    std::vector<ScheduleResource> out;
    for (const auto& row : list_rows(body))
        if (row.is_object()) out.push_back(schedule_resource_from_json(row));
    return out;
}

}  // namespace kimonet::api
