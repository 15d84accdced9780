#pragma once
// Reports: SQL GROUP BY queries fill the compact rows of shared/reports, whose pure functions
// compute the figures. One function per report, shared by the API, the exports and the CLI.
#include "app/context.hpp"
#include "reports/billing_report.hpp"
#include "reports/customer_report.hpp"
#include "reports/revenue_report.hpp"
#include "store/report_totals.hpp"

namespace kimonet::services {

// ?from&to as a month range; `to` defaults to this month, `from` to 11 months earlier.
Result<reports::MonthRange> report_range(const app::Context& context, std::string_view from, std::string_view to);

Result<reports::RevenueReport> revenue_report(app::Context& context, const reports::MonthRange& range);
Result<reports::CustomerReport> customer_report(app::Context& context, const reports::MonthRange& range);
// Aging and top debtors as of today; collection rate and DSO over the range.
Result<reports::BillingReport> billing_report(app::Context& context, const reports::MonthRange& range);

// PostgreSQL's running invoice totals (migrations/postgresql/0055) folded into one row per group, in
// one write transaction, so a report reads a few rows however many invoices changed since: the
// report_totals job (report_totals_schedule, every 10 minutes). Nothing to do on SQLite.
Result<store::FoldedTotals> fold_report_totals(app::Context& context);

}  // namespace kimonet::services
