#pragma once
// JSON shape of an outage for staff (GET/POST /api/outages, docs/outages.md): times in Unix
// seconds with their local text beside them, money in rupiah. The server writes it with to_json,
// the browser reads it back with outage_from_json (never throws).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"

namespace kimonet::api {

struct OutageResource {
    std::int64_t id = 0;
    std::string title;
    std::string cause;
    std::string target_kind;  // router, olt, pon_port, odc, odp, area
    std::optional<std::int64_t> target_id;
    std::string area_name;
    std::string area_shape;
    std::int64_t started_at = 0;
    std::string started_at_text;
    std::optional<std::int64_t> ended_at;
    std::string ended_at_text;
    std::optional<std::int64_t> expected_end_at;
    std::string expected_end_text;
    bool ongoing = true;
    std::int64_t duration_seconds = 0;  // so far, while ongoing
    std::int64_t affected_count = 0;
    std::int64_t start_notices = 0;
    std::int64_t end_notices = 0;
    std::int64_t credits = 0;
    std::int64_t credit_total = 0;
    std::string phase;
    std::string created_by;
    std::string closed_by;
};

Json to_json(const OutageResource& outage);
OutageResource outage_from_json(const Json& data);
std::vector<OutageResource> outages_from_json(const Json& rows);

}  // namespace kimonet::api
