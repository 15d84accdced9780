#pragma once
// The rows the reports are computed from (report_service.cpp). Read-only: no transaction needed.
// Scans over up to millions of rows stream: each row is handed to `visit` while the statement is
// on it (string_views are valid only during that call), nothing is collected here.
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

// Every customer's package and router (0 = none), in id order.
struct CustomerPlacementRow {
    std::int64_t customer_id = 0;
    std::int64_t package_id = 0;
    std::int64_t router_id = 0;
};
Result<void> scan_customer_placements(Database& db, const std::function<void(const CustomerPlacementRow&)>& visit);

// Invoices of the billing periods from … to (inclusive), in no particular order.
struct InvoiceAmountRow {
    std::string_view period;  // "2026-01"
    std::int64_t customer_id = 0;
    bool voided = false;
    Money total = 0;
    Money paid = 0;
};
Result<void> scan_invoice_amounts(Database& db, const Period& from, const Period& to,
                                  const std::function<void(const InvoiceAmountRow&)>& visit);

// Unpaid and partly paid invoices.
struct OpenInvoiceRow {
    std::int64_t customer_id = 0;
    std::string_view due_date;  // "2026-01-20"
    Money outstanding = 0;
};
Result<void> scan_open_invoices(Database& db, const std::function<void(const OpenInvoiceRow&)>& visit);

struct CustomerLabel {
    std::string service_number;
    std::string name;
};
Result<std::optional<CustomerLabel>> find_customer_label(Database& db, std::int64_t customer_id);

// Payments with paid_at in [start, end) (unix seconds); `local_day` = days since 1970-01-01 at
// the given offset (seconds east of UTC).
struct PaymentAmountRow {
    std::int64_t local_day = 0;
    std::string_view method;
    Money amount = 0;
    Money applied = 0;
};
Result<void> scan_payment_amounts(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds,
                                  const std::function<void(const PaymentAmountRow&)>& visit);

// Gateway payments in [start, end) with the gateway that settled them.
struct GatewayPaymentRow {
    std::int64_t local_day = 0;
    std::string_view gateway;
    Money applied = 0;
};
Result<void> scan_gateway_payments(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds,
                                   const std::function<void(const GatewayPaymentRow&)>& visit);

// Late-fee lines of invoices paid in full in [start, end), summed per local day of the payment.
struct LateFeeDayRow {
    std::int64_t local_day = 0;
    Money amount = 0;
};
Result<std::vector<LateFeeDayRow>> list_collected_late_fees(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds);

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
