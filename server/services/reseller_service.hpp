#pragma once
// Resellers (issue 19): accounts with a balance the staff tops up, voucher sales that draw it down
// (transactional, never below zero, replay-safe by Idempotency-Key), and the sales report by
// reseller and day (JSON and CSV).
#include "api/voucher_dto.hpp"
#include "app/context.hpp"
#include "reports/report_rows.hpp"

namespace kimonet::services {

Result<std::vector<Reseller>> list_resellers(store::Database& db);
Result<Reseller> create_reseller(app::Context& context, const api::Json& input);
Result<Reseller> update_reseller(app::Context& context, std::int64_t id, const api::Json& changes);
// {amount, note?, idempotency_key?}: adds to the balance, with a ledger row. A key this user already
// sent with the same reseller, amount and note answers that top-up (repeated) and changes nothing;
// with anything else it is 409 on `idempotency_key`.
struct TopUp {
    Reseller reseller;
    bool repeated = false;
};
Result<TopUp> top_up_reseller(app::Context& context, std::int64_t id, const api::Json& input);
// {reseller_id, batch_id, count, idempotency_key?}: assigns `count` available vouchers of the batch
// to the reseller and takes the net price from the balance, all in one transaction. A request with
// a key already used by this user answers the first sale (repeated) and changes nothing.
Result<VoucherSale> sell_vouchers(app::Context& context, const api::Json& input);

struct SalesReport {
    std::string from, to;
    std::vector<ResellerSalesDay> days;
};
// Sales per reseller and local day, `from`..`to` inclusive (YYYY-MM-DD; default: this month).
Result<SalesReport> reseller_sales_report(app::Context& context, const std::string& from, const std::string& to, std::int64_t reseller_id);
std::string sales_report_csv(const SalesReport& report);

// The vouchers sold in the months of `range`, per month: a sale counts in the month of its local day
// (`sale_date`, the ISP's time zone at the moment of the sale, as the sales report's days). The
// books' voucher line: the BHP & USO report, the revenue report and the dashboard.
Result<std::vector<reports::VoucherSalesMonth>> voucher_sales_by_month(app::Context& context, const reports::MonthRange& range);

}  // namespace kimonet::services
