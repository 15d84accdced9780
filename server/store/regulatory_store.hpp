#pragma once
// The BHP Telekomunikasi and USO report's rows (issue 20): revenue per billing month, the
// deductions entered and the dated rates. SQL only; the figures are shared/reports/bhp_uso_report.
#include <optional>
#include <vector>

#include "reports/bhp_uso_report.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// Invoices not void of the billing months from..to: count, totals and PPN per month.
Result<std::vector<reports::MonthlyRevenue>> monthly_revenue(Database& db, const Period& from, const Period& to);

Result<std::vector<reports::RevenueDeduction>> list_revenue_deductions(Database& db, const Period& from, const Period& to);
Result<std::optional<reports::RevenueDeduction>> find_revenue_deduction(Database& db, std::int64_t id);
Result<std::int64_t> insert_revenue_deduction(Database& db, const reports::RevenueDeduction& deduction, std::int64_t created_by,
                                              std::int64_t created_at);
Result<void> delete_revenue_deduction(Database& db, std::int64_t id);

Result<std::vector<reports::RegulatoryRate>> list_regulatory_rates(Database& db);
Result<std::int64_t> insert_regulatory_rate(Database& db, const reports::RegulatoryRate& rate, std::int64_t created_by,
                                            std::int64_t created_at);

}  // namespace kimonet::store
