#pragma once
// The scheduler's runs (job_runs): one row per job and slot key, claimed before the job runs.
// Writes here are single statements; the scheduler does not wrap them in a transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct JobRunRow {
    std::int64_t id = 0;
    std::string job;
    std::string key;
    std::string status;  // running, succeeded, failed
    std::int64_t started_at = 0;
    std::optional<std::int64_t> finished_at;
    std::optional<std::int64_t> duration_ms;
    std::string result;  // JSON text ("" while running)
};

// Marks runs left 'running' by a stopped server as failed ("interrupted").
Result<void> fail_interrupted_job_runs(Database& db);

// Claims the slot `key` of `job` at `now`: true when this caller inserted it, or took over a
// failed run of it; false when another tick (or server) has it already. The claim is the
// idempotency of a run.
Result<bool> claim_job_run(Database& db, const std::string& job, const std::string& key, std::int64_t now);

// Records how the claimed run ended.
Result<void> finish_job_run(Database& db, const std::string& job, const std::string& key, bool succeeded, std::int64_t finished_at,
                            std::int64_t duration_ms, const std::string& result);

// Deletes the runs of `job` whose slot key sorts before `key` ("2026-01-15T09:30": the keys sort
// as times), through the UNIQUE (job, key) index; a run still going is kept.
Result<void> delete_job_runs_before(Database& db, const std::string& job, const std::string& key);

Result<std::int64_t> count_job_runs(Database& db);
// Newest first (started_at, then id), a page at a time.
Result<std::vector<JobRunRow>> list_job_runs(Database& db, std::int64_t limit, std::int64_t offset);
// The newest `limit` runs of `job` started at or after `since`.
Result<std::vector<JobRunRow>> list_job_runs_since(Database& db, const std::string& job, std::int64_t since, std::int64_t limit);

}  // namespace kimonet::store
