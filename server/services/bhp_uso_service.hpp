#pragma once
// BHP Telekomunikasi and the USO/KPU contribution (issue 20; docs/bhp-uso.md): the report, the
// deductions entered per billing month and the rates with their dated history. One function per
// feature for GET/POST /api/reports/bhp-uso*, the exports and the tests.
#include "api/bhp_uso_dto.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// ?from&to (as every report: default the last 12 months) and ?per=month|quarter|year (quarter).
Result<reports::BhpUsoReport> bhp_uso_report(app::Context& context, std::string_view from, std::string_view to, std::string_view per);

// Input {"period":"YYYY-MM","kind":"bad_debt"|"interconnection"|"non_telecom","amount":1..10^12,"reason":"…"}.
Result<reports::RevenueDeduction> add_revenue_deduction(app::Context& context, const api::Json& input);
Result<void> remove_revenue_deduction(app::Context& context, std::int64_t id);

Result<std::vector<reports::RegulatoryRate>> regulatory_rates(app::Context& context);
// Input {"effective_from":"YYYY-MM-01","bhp_bp":0..10000,"uso_bp":0..10000,"note"?}: the rates in
// force from that month on; a second rate for the same date is 409.
Result<reports::RegulatoryRate> add_regulatory_rate(app::Context& context, const api::Json& input);

}  // namespace kimonet::services
