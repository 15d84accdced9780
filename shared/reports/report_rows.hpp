#pragma once
// The compact rows every report is computed from. The server fills them from SQL GROUP BY
// queries; the browser app may fill them from data it already holds (one row per invoice with
// count = 1 is as valid as one row per group), so the same pure functions re-slice both.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet::reports {

// An inclusive range of billing months, e.g. 2025-08 … 2026-01.
struct MonthRange {
    Period from;
    Period to;
};

inline constexpr int kMaxReportMonths = 60;

// Every month of the range, in order.
std::vector<Period> months_in(const MonthRange& range);
// Parses ?from=YYYY-MM&to=YYYY-MM; an empty `to` is `default_to`, an empty `from` is 11 months
// before `to` (a year of data). Field errors for bad text, from > to and ranges over 60 months.
Result<MonthRange> parse_month_range(std::string_view from, std::string_view to, Period default_to);

// Invoices grouped by billing period and by the customer's package and router (router 0 = none).
struct InvoiceGroup {
    Period period;
    std::int64_t package_id = 0;
    std::int64_t router_id = 0;
    bool voided = false;
    std::int64_t count = 0;
    Money billed = 0;  // invoice totals
    Money paid = 0;    // what has been applied to those invoices so far
};

// Payments grouped by local day and method ("cash", "bank_transfer", "credit", "gateway").
struct PaymentGroup {
    Date day;
    std::string method;
    std::int64_t count = 0;
    Money received = 0;  // what the payer handed over (an overpayment's excess becomes credit)
    Money applied = 0;   // what went onto invoices
};

// Gateway payments grouped by local day and gateway ("flip", "midtrans", "duitku").
struct GatewayGroup {
    Date day;
    std::string gateway;
    std::int64_t count = 0;
    Money applied = 0;
};

// Late-fee lines of fully paid invoices, by the local day the invoice became paid.
struct LateFeeGroup {
    Date day;
    Money amount = 0;
};

// Hotspot vouchers sold to resellers (docs/VOUCHERS.md), by the local day of the sale: gross at the
// voucher price, the resellers' commission, and net (what the resellers paid from their balance).
struct VoucherSalesGroup {
    Date day;
    std::int64_t sales = 0;
    std::int64_t vouchers = 0;
    Money gross = 0;
    Money commission = 0;
    Money net = 0;
};

// The same per billing month (the month of the sale's local day).
struct VoucherSalesMonth {
    Period period;
    std::int64_t sales = 0;
    std::int64_t vouchers = 0;
    Money gross = 0;
    Money commission = 0;
    Money net = 0;
};
// Folds days into their months, in month order; errors only when a sum leaves int64.
Result<std::vector<VoucherSalesMonth>> voucher_sales_by_month(const std::vector<VoucherSalesGroup>& days);

// Customers grouped by package, router, status, join date and the day they left (if they did).
struct CustomerGroup {
    std::int64_t package_id = 0;
    std::int64_t router_id = 0;
    std::string status;  // active, isolated, inactive, terminated
    Date join_date;
    bool left = false;  // status inactive/terminated; `left_on` says since when
    Date left_on;
    std::int64_t count = 1;
};

// Distinct customers isolated in a month.
struct IsolationGroup {
    Period period;
    std::int64_t customers = 0;
};

// Unpaid and partly paid invoices grouped by due date.
struct OpenInvoiceGroup {
    Date due_date;
    std::int64_t count = 0;
    Money outstanding = 0;
};

// Subscribers (active or isolated) grouped by their package's monthly price.
struct SubscriptionGroup {
    Money price = 0;
    std::int64_t count = 0;
};

// A customer with unpaid invoices.
struct Debtor {
    std::int64_t customer_id = 0;
    std::string service_number;
    std::string name;
    Money outstanding = 0;
    std::int64_t invoices = 0;
    Date oldest_due;
};

// id → display name for packages and routers (router 0 is "Tanpa router").
struct Labels {
    std::map<std::int64_t, std::string> packages;
    std::map<std::int64_t, std::string> routers;
    std::string package_name(std::int64_t id) const;
    std::string router_name(std::int64_t id) const;
};

// Basis points (1/100 of a percent) of part in whole, rounded half up; 0 when whole is 0.
std::int64_t ratio_bp(std::int64_t part, std::int64_t whole);

}  // namespace kimonet::reports
