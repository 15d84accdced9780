#include "reports/customer_report.hpp"

#include <algorithm>

namespace kimonet::reports {

namespace {

void count_status(CustomerSlice& slice, const CustomerGroup& group) {
    if (group.status == "active") slice.active += group.count;
    else if (group.status == "isolated") slice.isolated += group.count;
    else slice.inactive += group.count;
    slice.total += group.count;
}

std::vector<CustomerSlice> sorted_slices(std::map<std::int64_t, CustomerSlice>& slices) {
    std::vector<CustomerSlice> out;
    for (auto& [id, slice] : slices) out.push_back(std::move(slice));
    std::stable_sort(out.begin(), out.end(), [](const CustomerSlice& a, const CustomerSlice& b) { return a.total > b.total; });
    return out;
}

// Subscribers at the end of `day`: joined on or before it and not left on or before it.
std::int64_t active_at(std::span<const CustomerGroup> customers, const Date& day) {
    std::int64_t active = 0;
    for (const auto& group : customers)
        if (group.join_date <= day && !(group.left && group.left_on <= day)) active += group.count;
    return active;
}

}  // namespace

CustomerReport customer_report(const MonthRange& range, std::span<const CustomerGroup> customers,
                               std::span<const IsolationGroup> isolations, const Labels& labels) {
    CustomerReport report;
    report.range = range;
    std::int64_t previous_active = active_at(customers, last_day(previous_period(range.from)));
    for (const Period& period : months_in(range)) {
        MonthCustomers month{period};
        const Date first = first_day(period), last = last_day(period);
        month.active = active_at(customers, last);
        for (const auto& group : customers) {
            if (group.join_date >= first && group.join_date <= last) month.new_customers += group.count;
            if (group.left && group.left_on >= first && group.left_on <= last) month.churned += group.count;
        }
        for (const auto& isolation : isolations)
            if (isolation.period == period) month.isolated += isolation.customers;
        month.net_growth = month.new_customers - month.churned;
        month.growth_bp = ratio_bp(month.net_growth, previous_active);
        previous_active = month.active;
        report.months.push_back(month);
    }
    std::map<std::int64_t, CustomerSlice> packages, routers;
    for (const auto& group : customers) {
        auto& package = packages[group.package_id];
        package.key = std::to_string(group.package_id);
        package.label = labels.package_name(group.package_id);
        count_status(package, group);
        auto& router = routers[group.router_id];
        router.key = std::to_string(group.router_id);
        router.label = labels.router_name(group.router_id);
        count_status(router, group);
        report.total += group.count;
        if (group.status == "active") report.active += group.count;
        else if (group.status == "isolated") report.isolated += group.count;
        else report.inactive += group.count;
    }
    report.by_package = sorted_slices(packages);
    report.by_router = sorted_slices(routers);
    return report;
}

}  // namespace kimonet::reports
