#include "api/outage_dto.hpp"

namespace kimonet::api {

namespace {

Json outage_optional_number(const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); }

std::optional<std::int64_t> outage_optional_number_of(const Json& data, const char* key) {
    if (!data.is_object()) return std::nullopt;
    const auto found = data.find(key);
    if (found == data.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<std::int64_t>();
}

}  // namespace

Json to_json(const OutageResource& outage) {
    return {{"id", outage.id},
            {"title", outage.title},
            {"cause", outage.cause},
            {"target_kind", outage.target_kind},
            {"target_id", outage_optional_number(outage.target_id)},
            {"area_name", outage.area_name},
            {"area_shape", outage.area_shape},
            {"started_at", outage.started_at},
            {"started_at_text", outage.started_at_text},
            {"ended_at", outage_optional_number(outage.ended_at)},
            {"ended_at_text", outage.ended_at_text},
            {"expected_end_at", outage_optional_number(outage.expected_end_at)},
            {"expected_end_text", outage.expected_end_text},
            {"ongoing", outage.ongoing},
            {"duration_seconds", outage.duration_seconds},
            {"affected_count", outage.affected_count},
            {"start_notices", outage.start_notices},
            {"end_notices", outage.end_notices},
            {"credits", outage.credits},
            {"credit_total", outage.credit_total},
            {"phase", outage.phase},
            {"created_by", outage.created_by},
            {"closed_by", outage.closed_by}};
}

OutageResource outage_from_json(const Json& data) {
    OutageResource out;
    out.id = json_int(data, "id");
    out.title = json_string(data, "title");
    out.cause = json_string(data, "cause");
    out.target_kind = json_string(data, "target_kind");
    out.target_id = outage_optional_number_of(data, "target_id");
    out.area_name = json_string(data, "area_name");
    out.area_shape = json_string(data, "area_shape");
    out.started_at = json_int(data, "started_at");
    out.started_at_text = json_string(data, "started_at_text");
    out.ended_at = outage_optional_number_of(data, "ended_at");
    out.ended_at_text = json_string(data, "ended_at_text");
    out.expected_end_at = outage_optional_number_of(data, "expected_end_at");
    out.expected_end_text = json_string(data, "expected_end_text");
    out.ongoing = json_bool(data, "ongoing", true);
    out.duration_seconds = json_int(data, "duration_seconds");
    out.affected_count = json_int(data, "affected_count");
    out.start_notices = json_int(data, "start_notices");
    out.end_notices = json_int(data, "end_notices");
    out.credits = json_int(data, "credits");
    out.credit_total = json_int(data, "credit_total");
    out.phase = json_string(data, "phase");
    out.created_by = json_string(data, "created_by");
    out.closed_by = json_string(data, "closed_by");
    return out;
}

std::vector<OutageResource> outages_from_json(const Json& rows) {
    std::vector<OutageResource> out;
    if (!rows.is_array()) return out;
    for (const Json& row : rows)
        if (row.is_object()) out.push_back(outage_from_json(row));
    return out;
}

}  // namespace kimonet::api
