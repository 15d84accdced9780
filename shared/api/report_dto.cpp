#include "api/report_dto.hpp"

namespace kimonet::api {

namespace {

Json range_json(const reports::MonthRange& range) { return {{"from", to_string(range.from)}, {"to", to_string(range.to)}}; }

Json slices_json(const std::vector<reports::RevenueSlice>& slices) {
    Json out = Json::array();
    for (const auto& slice : slices)
        out.push_back({{"key", slice.key}, {"label", slice.label}, {"count", slice.count}, {"billed", slice.billed}, {"collected", slice.collected}});
    return out;
}

Json slices_json(const std::vector<reports::CustomerSlice>& slices) {
    Json out = Json::array();
    for (const auto& slice : slices)
        out.push_back({{"key", slice.key}, {"label", slice.label}, {"active", slice.active}, {"isolated", slice.isolated},
                       {"inactive", slice.inactive}, {"total", slice.total}});
    return out;
}

}  // namespace

Json to_json(const reports::RevenueReport& report) {
    Json months = Json::array(), daily = Json::array();
    Json labels = Json::array(), billed = Json::array(), collected = Json::array();
    for (const auto& month : report.months) {
        months.push_back({{"period", to_string(month.period)}, {"invoices", month.invoices}, {"billed", month.billed},
                          {"paid_on_billed", month.paid_on_billed}, {"collected", month.collected}, {"cash_received", month.cash_received},
                          {"credit_applied", month.credit_applied}, {"late_fees_collected", month.late_fees_collected}});
        labels.push_back(to_string(month.period));
        billed.push_back(month.billed);
        collected.push_back(month.collected);
    }
    for (const auto& day : report.daily)
        daily.push_back({{"day", to_string(day.day)}, {"payments", day.payments}, {"collected", day.collected}});
    return {{"range", range_json(report.range)},
            {"totals", {{"billed", report.total_billed}, {"collected", report.total_collected},
                        {"late_fees_collected", report.total_late_fees_collected}, {"voided_invoices", report.voided_invoices},
                        {"voided_amount", report.voided_amount}}},
            {"months", months},
            {"by_package", slices_json(report.by_package)},
            {"by_router", slices_json(report.by_router)},
            {"by_method", slices_json(report.by_method)},
            {"by_gateway", slices_json(report.by_gateway)},
            {"daily", daily},
            {"series", {{"labels", labels}, {"billed", billed}, {"collected", collected}}}};
}

Json to_json(const reports::CustomerReport& report) {
    Json months = Json::array(), labels = Json::array(), active = Json::array(), new_customers = Json::array(),
         churned = Json::array();
    for (const auto& month : report.months) {
        months.push_back({{"period", to_string(month.period)}, {"active", month.active}, {"new", month.new_customers},
                          {"churned", month.churned}, {"isolated", month.isolated}, {"net_growth", month.net_growth},
                          {"growth_bp", month.growth_bp}});
        labels.push_back(to_string(month.period));
        active.push_back(month.active);
        new_customers.push_back(month.new_customers);
        churned.push_back(month.churned);
    }
    return {{"range", range_json(report.range)},
            {"totals", {{"total", report.total}, {"active", report.active}, {"isolated", report.isolated}, {"inactive", report.inactive}}},
            {"months", months},
            {"by_package", slices_json(report.by_package)},
            {"by_router", slices_json(report.by_router)},
            {"series", {{"labels", labels}, {"active", active}, {"new", new_customers}, {"churned", churned}}}};
}

Json to_json(const reports::BillingReport& report) {
    Json aging = Json::array(), debtors = Json::array(), labels = Json::array(), amounts = Json::array();
    for (const auto& bucket : report.aging) {
        aging.push_back({{"key", bucket.key}, {"label", bucket.label}, {"invoices", bucket.invoices}, {"amount", bucket.amount}});
        labels.push_back(bucket.label);
        amounts.push_back(bucket.amount);
    }
    for (const auto& debtor : report.top_debtors)
        debtors.push_back({{"customer_id", debtor.customer_id}, {"service_number", debtor.service_number}, {"name", debtor.name},
                           {"outstanding", debtor.outstanding}, {"invoices", debtor.invoices}, {"oldest_due", to_string(debtor.oldest_due)}});
    return {{"range", range_json(report.range)},
            {"as_of", to_string(report.as_of)},
            {"aging", aging},
            {"receivable", report.receivable},
            {"billed", report.billed},
            {"paid_on_billed", report.paid_on_billed},
            {"collection_rate_bp", report.collection_rate_bp},
            {"dso_days", report.dso_days},
            {"mrr", report.mrr},
            {"subscribers", report.subscribers},
            {"arpu", report.arpu},
            {"top_debtors", debtors},
            {"series", {{"labels", labels}, {"aging", amounts}}}};
}

}  // namespace kimonet::api
