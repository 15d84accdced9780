#pragma once
// Jobs and activity in words: "Penagihan bulanan: 312 tagihan dibuat" instead of the JSON the
// server stores. One formatter per job and per activity kind, each with a fallback that still
// reads as a sentence (unknown keys listed as "kunci: nilai"), so a new job or action shows
// sensibly before it has its own words. Pure; the Jobs and Activity screens call it.
#include <string>
#include <string_view>

#include "api/json_fields.hpp"

namespace kimonet::jobs {

// "Penagihan bulanan" for "invoice_generation"; the name itself for an unknown job.
std::string job_title(std::string_view job);
// The outcome of one run in words (status "failed" reads the error).
std::string describe_job_run(std::string_view job, std::string_view status, const api::Json& result);
// "Pengaturan diubah: company_name, bank_accounts" for an activity row's action and values.
std::string describe_activity(std::string_view action, std::string_view subject_type, std::int64_t subject_id,
                              const api::Json& before, const api::Json& after);
// Any JSON value as "kunci: nilai, …" (the fallback; objects one level deep, at most 6 keys).
std::string json_in_words(const api::Json& value);

}  // namespace kimonet::jobs
