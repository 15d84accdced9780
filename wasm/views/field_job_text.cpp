#include "views/field_job_text.hpp"

#include "i18n.hpp"

namespace kimonet {

std::string field_job_kind_text(std::string_view kind) { return i18n::tr("field.kind." + std::string(kind)); }

std::string field_job_status_text(std::string_view status) { return i18n::tr("field.status." + std::string(status)); }

}  // namespace kimonet
