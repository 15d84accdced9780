#pragma once
// JSON shape of the BHP Telekomunikasi and USO report (GET /api/reports/bhp-uso): money in
// rupiah, rates in basis points (50 = 0,5%), months "YYYY-MM", quarters "YYYY-Qn".
#include "api/json_fields.hpp"
#include "reports/bhp_uso_report.hpp"

namespace kimonet::api {

Json to_json(const reports::BhpUsoLine& line);
Json to_json(const reports::RevenueDeduction& deduction);
Json to_json(const reports::RegulatoryRate& rate);
Json to_json(const reports::BhpUsoReport& report);

// The browser's reading side: never throws; a missing or mistyped field reads as 0 or "".
reports::BhpUsoReport bhp_uso_report_from_json(const Json& data);

}  // namespace kimonet::api

// The BHP/USO types live in kimonet::reports: this makes their to_json above reachable by
// argument-dependent lookup (http::json_data converts any result that way, whatever a file includes
// first).
namespace kimonet::reports {
using api::to_json;
}  // namespace kimonet::reports
