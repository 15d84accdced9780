#pragma once
// The technician job shapes (issue 21): a job as the dispatcher's list and the technician's phone
// read it, and the portal's view of a scheduled visit. The server writes them with to_json; the
// browser reads them back with the *_from_json readers, which never throw.
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "field/technician_job.hpp"

namespace kimonet::api {

struct JobCheckResource {
    int position = 0;
    std::string label;
    bool done = false;
    std::string done_by;  // who ticked it ("" when open)
    std::string done_at;  // local "YYYY-MM-DD HH:MM"
    bool operator==(const JobCheckResource&) const = default;
};

struct TechnicianJobResource {
    std::int64_t id = 0;
    std::string kind;    // field::to_string(JobKind)
    std::string status;  // field::to_string(JobStatus)
    std::int64_t customer_id = 0;
    std::string customer_name, service_number, customer_phone, customer_address, customer_status;
    std::optional<double> latitude, longitude;  // the customer's coordinates, when known
    std::optional<std::int64_t> ticket_id;      // a repair's trouble ticket (no foreign key yet)
    std::string scheduled_date;                 // local YYYY-MM-DD
    std::string window_start, window_end;       // "HH:MM"
    std::optional<std::int64_t> technician_id;
    std::string technician_name;
    std::string notes;
    std::vector<JobCheckResource> checklist;
    std::vector<field::JobMaterial> materials;
    std::string failure_reason;
    std::string result_note;
    bool has_signature = false, has_photo = false;
    std::string completed_by;  // the name of who closed it
    std::string completed_at;  // local "YYYY-MM-DD HH:MM"
    bool operator==(const TechnicianJobResource&) const = default;
};
Json to_json(const TechnicianJobResource& job);
TechnicianJobResource technician_job_from_json(const Json& json);
std::vector<TechnicianJobResource> technician_jobs_from_json(const Json& rows);

// A staff user who may be assigned jobs (holds jobs.work).
struct TechnicianResource {
    std::int64_t id = 0;
    std::string username, full_name;
    bool operator==(const TechnicianResource&) const = default;
};
Json to_json(const TechnicianResource& technician);
std::vector<TechnicianResource> technicians_from_json(const Json& rows);

}  // namespace kimonet::api
