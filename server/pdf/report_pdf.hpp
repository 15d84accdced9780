#pragma once
// Reports as PDF (libharu): title, headline figures, a bar chart drawn with path primitives
// and the report's first table (more pages as needed).
#include <string>

#include "spreadsheets/report_document.hpp"

namespace kimonet::pdf {

Result<std::string> render_report_pdf(const spreadsheets::ReportDocument& document, const std::string& printed_on);

}  // namespace kimonet::pdf
