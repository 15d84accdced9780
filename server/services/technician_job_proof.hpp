#pragma once
// The proof of a technician job (issue 21): the customer's signature drawn on the phone and a
// photo, stored through the attachments module (services/attachments.hpp) as attachments of owner
// ("job", id) with purpose "signature" or "photo". The job row points at the latest of each; a
// job is done only with one of them (services/technician_jobs.cpp).
#include <filesystem>
#include <string_view>

#include "services/attachments.hpp"
#include "services/technician_jobs.hpp"

namespace kimonet::services {

// `purpose` is "signature" or "photo"; the bytes must be a JPEG, PNG or WebP within the
// attachments limits (422 {file} otherwise). Only while the job is scheduled (409), only the
// assigned technician unless the caller dispatches (403). Answers the job.
Result<api::TechnicianJobResource> add_technician_job_proof(app::Context& context, const std::filesystem::path& directory, std::int64_t id,
                                                            std::string_view purpose, std::string_view bytes, const JobScope& scope);
// The latest signature or photo of the job with its bytes (404 when there is none).
Result<AttachmentFile> technician_job_proof(app::Context& context, const std::filesystem::path& directory, std::int64_t id,
                                            std::string_view purpose, const JobScope& scope);

}  // namespace kimonet::services
