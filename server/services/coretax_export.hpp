#pragma once
// The accountant's Coretax export: the month's faktur keluaran as DJP's import XML, at most 1,000
// per file (one .xml, or a .zip of several), each invoice marked when it went out so the next
// export of the month carries only new ones (or all again when asked). One function for the route
// and the CLI alike; the export is written to the activity log (without any tax number).
#include <string>
#include <string_view>

#include "api/tax_dto.hpp"
#include "app/context.hpp"

namespace kimonet::services {

Result<api::CoretaxSummary> coretax_summary(app::Context& context, std::string_view period);

struct CoretaxDownload {
    std::string bytes;
    std::string content_type;
    std::string filename;  // coretax-2026-01.xml, or .zip with coretax-2026-01-1.xml, -2.xml …
    std::int64_t invoices = 0;
    std::int64_t files = 0;
};

// `zip`: a .zip whatever the count; otherwise one .xml, refused (422, field "format") beyond 1,000.
// `again`: the month's already exported invoices too. Nothing to export is 404.
Result<CoretaxDownload> export_coretax(app::Context& context, std::string_view period, bool again, bool zip);

}  // namespace kimonet::services
