#pragma once
// Customers: active, new, churned and isolated per month; by package and router; growth.
// Pure: rows in, report out.
#include <span>

#include "reports/report_rows.hpp"

namespace kimonet::reports {

struct MonthCustomers {
    Period period;
    std::int64_t active = 0;       // subscribers at the month's end: joined by then and not yet left
    std::int64_t new_customers = 0;  // joined in the month
    std::int64_t churned = 0;      // left (inactive/terminated) in the month
    std::int64_t isolated = 0;     // distinct customers isolated in the month
    std::int64_t net_growth = 0;   // new − churned
    std::int64_t growth_bp = 0;    // net growth against the previous month's active, in basis points
};

// Today's customers of one package or router, by status.
struct CustomerSlice {
    std::string key;
    std::string label;
    std::int64_t active = 0;
    std::int64_t isolated = 0;
    std::int64_t inactive = 0;  // inactive + terminated
    std::int64_t total = 0;
};

struct CustomerReport {
    MonthRange range;
    std::vector<MonthCustomers> months;
    std::vector<CustomerSlice> by_package;
    std::vector<CustomerSlice> by_router;
    std::int64_t total = 0;
    std::int64_t active = 0;
    std::int64_t isolated = 0;
    std::int64_t inactive = 0;
};

CustomerReport customer_report(const MonthRange& range, std::span<const CustomerGroup> customers,
                               std::span<const IsolationGroup> isolations, const Labels& labels);

}  // namespace kimonet::reports
