#include "store/job_run_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kSelect = "SELECT id, job, key, status, started_at, finished_at, duration_ms, result FROM job_runs ";

JobRunRow row_to_run(const Statement& row) {
    return JobRunRow{row.column_int(0),          row.column_text(1),          row.column_text(2), row.column_text(3),
                     row.column_int(4),          row.column_optional_int(5), row.column_optional_int(6), row.column_text(7)};
}

}  // namespace

Result<void> fail_interrupted_job_runs(Database& db) {
    auto statement = TRY(db.prepare("UPDATE job_runs SET status = 'failed', result = '{\"error\":\"interrupted\"}' WHERE status = 'running'"));
    return statement.run();
}

Result<bool> claim_job_run(Database& db, const std::string& job, const std::string& key, std::int64_t now) {
    // RETURNING gives a row only when the insert or the takeover happened (portable; no changes()).
    auto statement = TRY(db.prepare(
        "INSERT INTO job_runs(job, key, status, started_at) VALUES (?1, ?2, 'running', ?3) "
        "ON CONFLICT(job, key) DO UPDATE SET status = 'running', started_at = ?3, finished_at = NULL, result = '' "
        "WHERE job_runs.status = 'failed' RETURNING id"));
    statement.bind(1, job).bind(2, key).bind(3, now);
    bool claimed = false;
    // Stepped to the end, so the write has committed before the job's own transactions begin.
    while (TRY(statement.step())) claimed = true;
    return claimed;
}

Result<void> finish_job_run(Database& db, const std::string& job, const std::string& key, bool succeeded, std::int64_t finished_at,
                            std::int64_t duration_ms, const std::string& result) {
    auto statement = TRY(db.prepare(
        "UPDATE job_runs SET status = ?1, finished_at = ?2, duration_ms = ?3, result = ?4 WHERE job = ?5 AND key = ?6"));
    statement.bind(1, succeeded ? "succeeded" : "failed").bind(2, finished_at).bind(3, duration_ms).bind(4, result).bind(5, job).bind(6, key);
    return statement.run();
}

Result<void> delete_job_runs_before(Database& db, const std::string& job, const std::string& key) {
    auto statement = TRY(db.prepare("DELETE FROM job_runs WHERE job = ?1 AND key < ?2 AND status <> 'running'"));
    statement.bind(1, job).bind(2, key);
    return statement.run();
}

Result<std::int64_t> count_job_runs(Database& db) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM job_runs"));
    TRY(statement.step());
    return statement.column_int(0);
}

Result<std::vector<JobRunRow>> list_job_runs(Database& db, std::int64_t limit, std::int64_t offset) {
    auto statement = TRY(db.prepare(std::string(kSelect) + "ORDER BY started_at DESC, id DESC LIMIT ?1 OFFSET ?2"));
    statement.bind(1, limit).bind(2, offset);
    std::vector<JobRunRow> out;
    while (TRY(statement.step())) out.push_back(row_to_run(statement));
    return out;
}

Result<std::vector<JobRunRow>> list_job_runs_since(Database& db, const std::string& job, std::int64_t since, std::int64_t limit) {
    auto statement = TRY(db.prepare(std::string(kSelect) + "WHERE job = ?1 AND started_at >= ?2 ORDER BY started_at DESC, id DESC LIMIT ?3"));
    statement.bind(1, job).bind(2, since).bind(3, limit);
    std::vector<JobRunRow> out;
    while (TRY(statement.step())) out.push_back(row_to_run(statement));
    return out;
}

}  // namespace kimonet::store
