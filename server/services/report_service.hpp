#pragma once
// Reports: SQL GROUP BY queries fill the compact rows of shared/reports, whose pure functions
// compute the figures. One function per report, shared by the API, the exports and the CLI.
#include "app/context.hpp"
#include "reports/billing_report.hpp"
#include "reports/customer_report.hpp"
#include "reports/revenue_report.hpp"

namespace kimonet::services {

// ?from&to as a month range; `to` defaults to this month, `from` to 11 months earlier.
Result<reports::MonthRange> report_range(const app::Context& context, std::string_view from, std::string_view to);

Result<reports::RevenueReport> revenue_report(app::Context& context, const reports::MonthRange& range);
Result<reports::CustomerReport> customer_report(app::Context& context, const reports::MonthRange& range);
// Aging and top debtors as of today; collection rate and DSO over the range.
Result<reports::BillingReport> billing_report(app::Context& context, const reports::MonthRange& range);

}  // namespace kimonet::services
