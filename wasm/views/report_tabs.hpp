#pragma once
// The three tabs of the Laporan screen, each drawn from its report as the API returned it.
// Registry ids start with "reports.": figure cards "reports.stat.<id>", charts
// "reports.chart.<tab>.<YYYY-MM>", table cells "reports.<table>.<row>.<column>".
#include "api/report_dto.hpp"

namespace kimonet {

class App;

// Billed vs collected per month, by package/router/method/gateway, daily collections, late fees.
void draw_revenue_report(const reports::RevenueReport& report);
// Active, new, churned and isolated customers per month; today's customers by package/router.
void draw_customers_report(const reports::CustomerReport& report);
// Receivable aging, collection rate, DSO, ARPU, MRR and the top debtors (a name opens the customer).
void draw_billing_report(App& app, const reports::BillingReport& report);

}  // namespace kimonet
