#pragma once
// The words the job screens show for a job's kind and status (the technician's phone and the
// dispatcher's list say them the same way).
#include <string>
#include <string_view>

namespace kimonet {

std::string field_job_kind_text(std::string_view kind);      // "installation" -> "Pemasangan"
std::string field_job_status_text(std::string_view status);  // "done" -> "Selesai"

}  // namespace kimonet
