#pragma once
// Customers, invoices and payments as tables, streamed from SQLite into a TableWriter. Shared by
// GET /api/exports/*, `kimonet export` and the benchmark.
#include <optional>

#include "app/context.hpp"
#include "reports/report_rows.hpp"
#include "spreadsheets/table_writer.hpp"

namespace kimonet::spreadsheets {

// Headers are the import's own (No. Layanan, Nama, Telepon, …), so an export imports back.
Result<void> export_customers(app::Context& context, TableWriter& writer);
// Invoices of the periods in `range` (all when empty), newest period first.
Result<void> export_invoices(app::Context& context, TableWriter& writer, const std::optional<reports::MonthRange>& range);
// Payments made in the months of `range` (all when empty), local dates.
Result<void> export_payments(app::Context& context, TableWriter& writer, const std::optional<reports::MonthRange>& range);

}  // namespace kimonet::spreadsheets
