#include "store/technician_job_store.hpp"

#include <map>

namespace kimonet::store {

namespace {

// The job with its customer (and the customer's coordinates from the FTTH inventory, migration
// 0039) and technician.
constexpr const char* kTechnicianJobColumns =
    "j.id, j.kind, j.status, j.customer_id, c.name, c.service_number, c.phone, c.address, c.status, j.ticket_id, "
    "j.scheduled_date, j.window_start, j.window_end, j.technician_id, COALESCE(u.full_name, ''), COALESCE(u.username, ''), "
    "j.notes, j.failure_reason, j.result_note, j.signature_attachment_id, j.photo_attachment_id, COALESCE(j.completion_key, ''), "
    "j.completed_by, j.completed_by_name, j.completed_at, j.created_at, j.updated_at, c.latitude, c.longitude "
    "FROM technician_jobs j JOIN customers c ON c.id = j.customer_id LEFT JOIN users u ON u.id = j.technician_id ";

TechnicianJobRow technician_job_of(const Statement& row) {
    TechnicianJobRow job;
    job.id = row.column_int(0);
    job.kind = row.column_text(1);
    job.status = row.column_text(2);
    job.customer_id = row.column_int(3);
    job.customer_name = row.column_text(4);
    job.service_number = row.column_text(5);
    job.customer_phone = row.column_text(6);
    job.customer_address = row.column_text(7);
    job.customer_status = row.column_text(8);
    job.ticket_id = row.column_optional_int(9);
    job.scheduled_date = row.column_text(10);
    job.window_start = row.column_text(11);
    job.window_end = row.column_text(12);
    job.technician_id = row.column_optional_int(13);
    job.technician_name = row.column_text(14);
    if (job.technician_name.empty()) job.technician_name = row.column_text(15);
    job.notes = row.column_text(16);
    job.failure_reason = row.column_text(17);
    job.result_note = row.column_text(18);
    job.signature_attachment_id = row.column_optional_int(19);
    job.photo_attachment_id = row.column_optional_int(20);
    job.completion_key = row.column_text(21);
    job.completed_by = row.column_optional_int(22);
    job.completed_by_name = row.column_text(23);
    job.completed_at = row.column_optional_int(24);
    job.created_at = row.column_int(25);
    job.updated_at = row.column_int(26);
    if (!row.column_is_null(27) && !row.column_is_null(28)) {
        job.latitude = row.column_double(27);
        job.longitude = row.column_double(28);
    }
    return job;
}

// Fills the checklists and materials of `jobs` with two queries.
Result<void> fill_technician_job_details(Database& db, std::vector<TechnicianJobRow>& jobs) {
    if (jobs.empty()) return {};
    std::map<std::int64_t, TechnicianJobRow*> by_id;
    std::string ids;
    for (auto& job : jobs) {
        by_id[job.id] = &job;
        ids += (ids.empty() ? "" : ",") + std::to_string(job.id);
    }
    auto checks = TRY(db.prepare("SELECT job_id, position, label, done_by, done_by_name, done_at FROM technician_job_checks WHERE job_id IN (" +
                                 ids + ") ORDER BY job_id, position"));
    while (TRY(checks.step()))
        by_id[checks.column_int(0)]->checklist.push_back({static_cast<int>(checks.column_int(1)), checks.column_text(2),
                                                           checks.column_optional_int(3), checks.column_text(4), checks.column_optional_int(5)});
    auto materials =
        TRY(db.prepare("SELECT job_id, item, quantity, unit FROM technician_job_materials WHERE job_id IN (" + ids + ") ORDER BY job_id, id"));
    while (TRY(materials.step()))
        by_id[materials.column_int(0)]->materials.push_back({materials.column_text(1), materials.column_int(2), materials.column_text(3)});
    return {};
}

std::string technician_job_where(const TechnicianJobFilter& filter) {
    std::string where = "WHERE 1 = 1";
    if (!filter.date.empty()) where += " AND j.scheduled_date = :date";
    if (filter.technician_id) where += " AND j.technician_id = :technician";
    if (!filter.status.empty()) where += " AND j.status = :status";
    if (filter.customer_id) where += " AND j.customer_id = :customer";
    return where;
}

void bind_technician_job_filter(Statement& statement, const TechnicianJobFilter& filter) {
    statement.bind_named(":date", filter.date);
    if (filter.technician_id) statement.bind_named(":technician", *filter.technician_id);
    statement.bind_named(":status", filter.status);
    if (filter.customer_id) statement.bind_named(":customer", *filter.customer_id);
}

}  // namespace

Result<std::optional<TechnicianJobRow>> find_technician_job(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kTechnicianJobColumns + "WHERE j.id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<TechnicianJobRow>();
    std::vector<TechnicianJobRow> jobs{technician_job_of(statement)};
    TRY_VOID(fill_technician_job_details(db, jobs));
    return std::optional<TechnicianJobRow>(std::move(jobs.front()));
}

Result<TechnicianJobPage> list_technician_jobs(Database& db, const TechnicianJobFilter& filter) {
    TechnicianJobPage page;
    const std::string where = technician_job_where(filter);
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM technician_jobs j " + where));
    bind_technician_job_filter(count, filter);
    if (TRY(count.step())) page.total = count.column_int(0);
    auto statement = TRY(db.prepare(std::string("SELECT ") + kTechnicianJobColumns + where +
                                    " ORDER BY j.scheduled_date, j.window_start, j.id LIMIT :limit OFFSET :offset"));
    bind_technician_job_filter(statement, filter);
    statement.bind_named(":limit", std::int64_t{filter.per_page});
    statement.bind_named(":offset", std::int64_t{filter.page - 1} * filter.per_page);
    while (TRY(statement.step())) page.rows.push_back(technician_job_of(statement));
    TRY_VOID(fill_technician_job_details(db, page.rows));
    return page;
}

Result<std::vector<TechnicianJobRow>> upcoming_customer_jobs(Database& db, std::int64_t customer_id, const std::string& from) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kTechnicianJobColumns +
                                    "WHERE j.customer_id = ? AND j.status = 'scheduled' AND j.scheduled_date >= ? "
                                    "ORDER BY j.scheduled_date, j.window_start, j.id LIMIT 10"));
    statement.bind(1, customer_id).bind(2, from);
    std::vector<TechnicianJobRow> out;
    while (TRY(statement.step())) out.push_back(technician_job_of(statement));
    return out;
}

Result<std::int64_t> insert_technician_job(Database& db, const TechnicianJobRow& job, const std::vector<std::string>& checklist) {
    auto insert = TRY(db.prepare(
        "INSERT INTO technician_jobs(kind, status, customer_id, ticket_id, scheduled_date, window_start, window_end, technician_id, notes, "
        "created_by, created_at, updated_at) VALUES (?, 'scheduled', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, job.kind).bind(2, job.customer_id).bind(3, job.ticket_id).bind(4, job.scheduled_date).bind(5, job.window_start);
    insert.bind(6, job.window_end).bind(7, job.technician_id).bind(8, job.notes).bind(9, job.created_by);
    insert.bind(10, job.created_at).bind(11, job.created_at);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    auto check = TRY(db.prepare("INSERT INTO technician_job_checks(job_id, position, label) VALUES (?, ?, ?)"));
    for (std::size_t index = 0; index < checklist.size(); ++index) {
        check.reset();
        check.bind(1, id).bind(2, static_cast<std::int64_t>(index + 1)).bind(3, checklist[index]);
        TRY_VOID(check.run());
    }
    return id;
}

Result<bool> update_technician_job_plan(Database& db, const TechnicianJobRow& job, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE technician_jobs SET scheduled_date = ?, window_start = ?, window_end = ?, technician_id = ?, notes = ?, ticket_id = ?, "
        "updated_at = ? WHERE id = ? AND status = 'scheduled'"));
    update.bind(1, job.scheduled_date).bind(2, job.window_start).bind(3, job.window_end).bind(4, job.technician_id).bind(5, job.notes);
    update.bind(6, job.ticket_id).bind(7, now).bind(8, job.id);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<bool> set_technician_job_check(Database& db, std::int64_t job_id, int position, std::optional<std::int64_t> user_id,
                                      const std::string& user_name, std::optional<std::int64_t> at) {
    auto update = TRY(db.prepare("UPDATE technician_job_checks SET done_by = ?, done_by_name = ?, done_at = ? WHERE job_id = ? AND position = ?"));
    update.bind(1, user_id).bind(2, user_name).bind(3, at).bind(4, job_id).bind(5, position);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<std::int64_t> open_technician_job_checks(Database& db, std::int64_t job_id) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM technician_job_checks WHERE job_id = ? AND done_at IS NULL"));
    statement.bind(1, job_id);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<bool> set_technician_job_proof(Database& db, std::int64_t job_id, bool signature, std::int64_t attachment_id, std::int64_t now) {
    auto update = TRY(db.prepare(signature ? "UPDATE technician_jobs SET signature_attachment_id = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'"
                                           : "UPDATE technician_jobs SET photo_attachment_id = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'"));
    update.bind(1, attachment_id).bind(2, now).bind(3, job_id);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<bool> close_technician_job(Database& db, std::int64_t job_id, const JobClosing& closing) {
    auto update = TRY(db.prepare(
        "UPDATE technician_jobs SET status = ?, failure_reason = ?, result_note = ?, completion_key = ?, completed_by = ?, "
        "completed_by_name = ?, completed_at = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'"));
    update.bind(1, closing.status).bind(2, closing.failure_reason).bind(3, closing.result_note);
    if (closing.completion_key.empty()) update.bind_null(4);
    else update.bind(4, closing.completion_key);
    update.bind(5, closing.closed_by).bind(6, closing.closed_by_name).bind(7, closing.at).bind(8, closing.at).bind(9, job_id);
    TRY_VOID(update.run());
    return db.changes() == 1;
}

Result<void> insert_technician_job_materials(Database& db, std::int64_t job_id, const std::vector<field::JobMaterial>& materials) {
    auto insert = TRY(db.prepare("INSERT INTO technician_job_materials(job_id, item, quantity, unit) VALUES (?, ?, ?, ?)"));
    for (const auto& material : materials) {
        insert.reset();
        insert.bind(1, job_id).bind(2, material.item).bind(3, material.quantity).bind(4, material.unit);
        TRY_VOID(insert.run());
    }
    return {};
}

namespace {

constexpr const char* kJobTechnicianQuery =
    "SELECT DISTINCT u.id, u.username, u.full_name FROM users u JOIN user_role ur ON ur.user_id = u.id "
    "JOIN role_permission rp ON rp.role_id = ur.role_id JOIN permissions p ON p.id = rp.permission_id "
    "WHERE p.name = 'jobs.work' AND u.active = 1 ";

}  // namespace

Result<std::vector<TechnicianRow>> job_technicians(Database& db) {
    auto statement = TRY(db.prepare(std::string(kJobTechnicianQuery) + "ORDER BY u.username"));
    std::vector<TechnicianRow> out;
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2)});
    return out;
}

Result<bool> is_job_technician(Database& db, std::int64_t user_id) {
    auto statement = TRY(db.prepare(std::string(kJobTechnicianQuery) + "AND u.id = ?"));
    statement.bind(1, user_id);
    return TRY(statement.step());
}

}  // namespace kimonet::store
