#pragma once
// The staff dashboard's figures in one read: customers by status, this month's billed vs collected,
// the overdue total, 12 months of billed/collected revenue, and today's scheduled jobs with their
// runs and failures. Money figures are left out when `include_money` is false (roles without
// invoices.read), and the hotspot voucher sales beside them when `include_vouchers` is false (roles
// without vouchers.read). Read-only: no transaction, no activity log.
#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "core/result.hpp"

namespace kimonet::services {

Result<api::Json> dashboard_summary(app::Context& context, bool include_money, bool include_vouchers);

}  // namespace kimonet::services
