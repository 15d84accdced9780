#pragma once
// Technician jobs (technician_jobs, technician_job_checks, technician_job_materials; migration
// 0043): the rows with their customer and technician, the checklist, the materials, and the one
// guarded transition that closes a job. Functions that write assume the caller holds the
// transaction. Dates are local YYYY-MM-DD text; times are Unix seconds from the Clock.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "field/technician_job.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct JobCheckRow {
    int position = 0;
    std::string label;
    std::optional<std::int64_t> done_by;
    std::string done_by_name;
    std::optional<std::int64_t> done_at;
};

struct TechnicianJobRow {
    std::int64_t id = 0;
    std::string kind, status;
    std::int64_t customer_id = 0;
    std::string customer_name, service_number, customer_phone, customer_address, customer_status;
    std::optional<double> latitude, longitude;
    std::optional<std::int64_t> ticket_id;
    std::string scheduled_date, window_start, window_end;
    std::optional<std::int64_t> technician_id;
    std::string technician_name;
    std::string notes, failure_reason, result_note;
    std::optional<std::int64_t> signature_attachment_id, photo_attachment_id;
    std::string completion_key;
    std::optional<std::int64_t> completed_by;
    std::string completed_by_name;
    std::optional<std::int64_t> completed_at;
    std::optional<std::int64_t> created_by;
    std::int64_t created_at = 0, updated_at = 0;
    std::vector<JobCheckRow> checklist;              // filled by find_technician_job and list_technician_jobs
    std::vector<field::JobMaterial> materials;       // likewise
};

struct TechnicianJobFilter {
    std::string date;                          // "" = any day
    std::optional<std::int64_t> technician_id;  // only this technician's jobs
    std::string status;                        // "" = any
    std::optional<std::int64_t> customer_id;
    int page = 1, per_page = 50;
};
struct TechnicianJobPage {
    std::vector<TechnicianJobRow> rows;
    std::int64_t total = 0;
};

Result<std::optional<TechnicianJobRow>> find_technician_job(Database& db, std::int64_t id);
// Ordered by day, window start, id.
Result<TechnicianJobPage> list_technician_jobs(Database& db, const TechnicianJobFilter& filter);
// The customer's scheduled jobs on or after `from` (the portal's next visit), soonest first.
Result<std::vector<TechnicianJobRow>> upcoming_customer_jobs(Database& db, std::int64_t customer_id, const std::string& from);

// Inserts the job (status scheduled) and its checklist labels (positions 1..n); gives the id.
Result<std::int64_t> insert_technician_job(Database& db, const TechnicianJobRow& job, const std::vector<std::string>& checklist);
// Schedule, technician, notes and ticket of a scheduled job; false when it is no longer scheduled.
Result<bool> update_technician_job_plan(Database& db, const TechnicianJobRow& job, std::int64_t now);
// Ticks (or unticks: done_by nullopt) a checklist item; false when there is no such item.
Result<bool> set_technician_job_check(Database& db, std::int64_t job_id, int position, std::optional<std::int64_t> user_id,
                                      const std::string& user_name, std::optional<std::int64_t> at);
// Open (unticked) checklist items of the job.
Result<std::int64_t> open_technician_job_checks(Database& db, std::int64_t job_id);
// The proof of a scheduled job (the attachment of the signature or the photo); false when it is
// no longer scheduled.
Result<bool> set_technician_job_proof(Database& db, std::int64_t job_id, bool signature, std::int64_t attachment_id, std::int64_t now);

struct JobClosing {
    std::string status;  // "done", "failed", "cancelled"
    std::string failure_reason, result_note, completion_key;
    std::optional<std::int64_t> closed_by;
    std::string closed_by_name;
    std::int64_t at = 0;
};
// scheduled -> done/failed/cancelled in one guarded UPDATE: false when the job was not scheduled
// (closed already, by this request's earlier copy or by someone else).
Result<bool> close_technician_job(Database& db, std::int64_t job_id, const JobClosing& closing);
Result<void> insert_technician_job_materials(Database& db, std::int64_t job_id, const std::vector<field::JobMaterial>& materials);

struct TechnicianRow {
    std::int64_t id = 0;
    std::string username, full_name;
};
// Active staff users whose role grants jobs.work, by name.
Result<std::vector<TechnicianRow>> job_technicians(Database& db);
Result<bool> is_job_technician(Database& db, std::int64_t user_id);

}  // namespace kimonet::store
