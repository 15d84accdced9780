#include "api/technician_job_dto.hpp"

namespace kimonet::api {

namespace {

Json job_optional_json(const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); }
Json job_optional_json(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

std::optional<std::int64_t> job_optional_int(const Json& json, const char* key) {
    if (!json.is_object()) return std::nullopt;
    auto it = json.find(key);
    if (it == json.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<std::int64_t>();
}

std::optional<double> job_optional_double(const Json& json, const char* key) {
    if (!json.is_object()) return std::nullopt;
    auto it = json.find(key);
    if (it == json.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

}  // namespace

Json to_json(const TechnicianJobResource& job) {
    Json checklist = Json::array();
    for (const auto& check : job.checklist)
        checklist.push_back({{"position", check.position}, {"label", check.label}, {"done", check.done}, {"done_by", check.done_by},
                             {"done_at", check.done_at}});
    Json materials = Json::array();
    for (const auto& material : job.materials)
        materials.push_back({{"item", material.item}, {"quantity", material.quantity}, {"unit", material.unit}});
    return {{"id", job.id},
            {"kind", job.kind},
            {"status", job.status},
            {"customer_id", job.customer_id},
            {"customer_name", job.customer_name},
            {"service_number", job.service_number},
            {"customer_phone", job.customer_phone},
            {"customer_address", job.customer_address},
            {"customer_status", job.customer_status},
            {"latitude", job_optional_json(job.latitude)},
            {"longitude", job_optional_json(job.longitude)},
            {"ticket_id", job_optional_json(job.ticket_id)},
            {"scheduled_date", job.scheduled_date},
            {"window_start", job.window_start},
            {"window_end", job.window_end},
            {"technician_id", job_optional_json(job.technician_id)},
            {"technician_name", job.technician_name},
            {"notes", job.notes},
            {"checklist", std::move(checklist)},
            {"materials", std::move(materials)},
            {"failure_reason", job.failure_reason},
            {"result_note", job.result_note},
            {"has_signature", job.has_signature},
            {"has_photo", job.has_photo},
            {"completed_by", job.completed_by},
            {"completed_at", job.completed_at}};
}

TechnicianJobResource technician_job_from_json(const Json& json) {
    TechnicianJobResource job;
    if (!json.is_object()) return job;
    job.id = json_int(json, "id");
    job.kind = json_string(json, "kind");
    job.status = json_string(json, "status");
    job.customer_id = json_int(json, "customer_id");
    job.customer_name = json_string(json, "customer_name");
    job.service_number = json_string(json, "service_number");
    job.customer_phone = json_string(json, "customer_phone");
    job.customer_address = json_string(json, "customer_address");
    job.customer_status = json_string(json, "customer_status");
    job.latitude = job_optional_double(json, "latitude");
    job.longitude = job_optional_double(json, "longitude");
    job.ticket_id = job_optional_int(json, "ticket_id");
    job.scheduled_date = json_string(json, "scheduled_date");
    job.window_start = json_string(json, "window_start");
    job.window_end = json_string(json, "window_end");
    job.technician_id = job_optional_int(json, "technician_id");
    job.technician_name = json_string(json, "technician_name");
    job.notes = json_string(json, "notes");
    if (auto checklist = json.find("checklist"); checklist != json.end() && checklist->is_array())
        for (const auto& item : *checklist)
            if (item.is_object())
                job.checklist.push_back({static_cast<int>(json_int(item, "position")), json_string(item, "label"), json_bool(item, "done", false),
                                         json_string(item, "done_by"), json_string(item, "done_at")});
    if (auto materials = json.find("materials"); materials != json.end() && materials->is_array())
        for (const auto& item : *materials)
            if (item.is_object()) job.materials.push_back({json_string(item, "item"), json_int(item, "quantity"), json_string(item, "unit")});
    job.failure_reason = json_string(json, "failure_reason");
    job.result_note = json_string(json, "result_note");
    job.has_signature = json_bool(json, "has_signature", false);
    job.has_photo = json_bool(json, "has_photo", false);
    job.completed_by = json_string(json, "completed_by");
    job.completed_at = json_string(json, "completed_at");
    return job;
}

std::vector<TechnicianJobResource> technician_jobs_from_json(const Json& rows) {
    std::vector<TechnicianJobResource> out;
    if (!rows.is_array()) return out;
    for (const auto& row : rows) out.push_back(technician_job_from_json(row));
    return out;
}

Json to_json(const TechnicianResource& technician) {
    return {{"id", technician.id}, {"username", technician.username}, {"full_name", technician.full_name}};
}

std::vector<TechnicianResource> technicians_from_json(const Json& rows) {
    std::vector<TechnicianResource> out;
    if (!rows.is_array()) return out;
    for (const auto& row : rows)
        if (row.is_object()) out.push_back({json_int(row, "id"), json_string(row, "username"), json_string(row, "full_name")});
    return out;
}

}  // namespace kimonet::api
