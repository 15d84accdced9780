#pragma once
// Downloads: customers, invoices, payments and the three reports as XLSX or CSV, reports also
// as PDF. One function for GET /api/exports/*, `kimonet export` and the benchmark.
#include <optional>

#include "app/context.hpp"
#include "reports/report_rows.hpp"
#include "spreadsheets/table_writer.hpp"

namespace kimonet::services {

struct ExportFile {
    std::string bytes;
    std::string content_type;
    std::string filename;  // "pelanggan-2026-01-15.xlsx"
};

// `subject`: customers, invoices, payments, revenue, customers-report, billing, bhp-uso. Data subjects
// take an optional month range (all rows without one); reports default to the last 12 months.
// `per` (month, quarter, year) groups the bhp-uso report; the others ignore it.
Result<ExportFile> export_file(app::Context& context, std::string_view subject, spreadsheets::ExportFormat format,
                               std::string_view from = {}, std::string_view to = {}, std::string_view per = {});

// The permission each subject needs (the route table declares the same).
std::string_view export_permission(std::string_view subject);

}  // namespace kimonet::services
