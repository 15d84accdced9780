#pragma once
// The Coretax export's month summary (issue 20): what the accountant sees before downloading. The
// server writes it with to_json; the browser reads it back with coretax_summary_from_json (never throws).
#include <string>

#include "api/json_fields.hpp"

namespace kimonet::api {

struct CoretaxSummary {
    std::string period;              // "2026-01"
    std::int64_t pending = 0;        // fakturs not exported yet
    std::int64_t exported = 0;       // fakturs already in an earlier file
    std::int64_t files = 0;          // XML files the pending ones make (1,000 each)
    bool seller_ready = false;       // company_npwp is set
    bool operator==(const CoretaxSummary&) const = default;
};

Json to_json(const CoretaxSummary& summary);
CoretaxSummary coretax_summary_from_json(const Json& json);

}  // namespace kimonet::api
