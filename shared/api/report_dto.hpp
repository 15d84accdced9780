#pragma once
// JSON shapes of the reports (GET /api/reports/*): money in rupiah, ratios in basis points,
// months "YYYY-MM", days "YYYY-MM-DD"; `series` holds the arrays the charts draw.
#include "api/json_fields.hpp"
#include "reports/billing_report.hpp"
#include "reports/customer_report.hpp"
#include "reports/revenue_report.hpp"

namespace kimonet::api {

Json to_json(const reports::RevenueReport& report);
Json to_json(const reports::CustomerReport& report);
Json to_json(const reports::BillingReport& report);

// The reading sides (the browser), `data` being the answer's "data" object: never throw; a missing
// or mistyped field reads as 0, "" or 1970-01 (and the derived `series` are not read back).
reports::RevenueReport revenue_report_from_json(const Json& data);
reports::CustomerReport customer_report_from_json(const Json& data);
reports::BillingReport billing_report_from_json(const Json& data);

}  // namespace kimonet::api

// The report types live in kimonet::reports: this makes their to_json above reachable by
// argument-dependent lookup (http::json_data converts any result that way, whatever a file includes
// first).
namespace kimonet::reports {
using api::to_json;
}  // namespace kimonet::reports
