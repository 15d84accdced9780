#pragma once
// The rows the reports are computed from (report_service.cpp). Read-only: no transaction needed.
// The totals over millions of invoices and payments are in report_totals.hpp.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// id → name of every package and every router.
struct PackageAndRouterNames {
    std::map<std::int64_t, std::string> packages;
    std::map<std::int64_t, std::string> routers;
};
Result<PackageAndRouterNames> list_package_and_router_names(Database& db);

struct CustomerLabel {
    std::string service_number;
    std::string name;
};
Result<std::optional<CustomerLabel>> find_customer_label(Database& db, std::int64_t customer_id);

// Late-fee lines of invoices paid in full in [start, end), summed per local day of the payment,
// less what credit notes took off each invoice: a credit note waives the fee first (a fee settled
// or later given back by a credit note is not money collected).
struct LateFeeDayRow {
    std::int64_t local_day = 0;
    Money amount = 0;
};
Result<std::vector<LateFeeDayRow>> list_collected_late_fees(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds);

// Refunds paid in [start, end) (refunded_at, unix seconds), per local day.
struct RefundDayRow {
    std::int64_t local_day = 0;
    std::int64_t count = 0;
    Money amount = 0;
};
Result<std::vector<RefundDayRow>> list_refunds_by_day(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds);

// Customers grouped by package, router (0 = none), status, join date and, for inactive or
// terminated customers, the UTC minute their row last changed ("2026-01-15T09:30", else "").
struct CustomerStatusGroupRow {
    std::int64_t package_id = 0;
    std::int64_t router_id = 0;
    std::string status;
    std::string join_date;
    std::string changed_minute_utc;
    std::int64_t count = 0;
};
Result<std::vector<CustomerStatusGroupRow>> list_customer_status_groups(Database& db);

// Distinct customers isolated (applied or pending) with `at` in [start, end).
Result<std::int64_t> count_isolated_customers(Database& db, std::int64_t start, std::int64_t end);

// Active and isolated subscribers per package, with the package's price.
struct SubscriptionPriceRow {
    Money price = 0;
    std::int64_t count = 0;
};
Result<std::vector<SubscriptionPriceRow>> list_subscriptions_by_price(Database& db);

}  // namespace kimonet::store
