#include "api/report_dto.hpp"

#include "api/json_objects.hpp"

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
                          {"credit_applied", month.credit_applied}, {"late_fees_collected", month.late_fees_collected},
                          {"credited", month.credited}, {"net_billed", month.net_billed}, {"refunded", month.refunded},
                          {"vouchers", month.vouchers}, {"voucher_gross", month.voucher_gross},
                          {"voucher_commission", month.voucher_commission}, {"voucher_net", month.voucher_net},
                          {"collected_with_vouchers", month.collected_with_vouchers}, {"revenue", month.revenue}});
        labels.push_back(to_string(month.period));
        billed.push_back(month.billed);
        collected.push_back(month.collected);
    }
    for (const auto& day : report.daily)
        daily.push_back({{"day", to_string(day.day)}, {"payments", day.payments}, {"collected", day.collected}});
    return {{"range", range_json(report.range)},
            {"totals", {{"billed", report.total_billed}, {"collected", report.total_collected},
                        {"late_fees_collected", report.total_late_fees_collected}, {"voided_invoices", report.voided_invoices},
                        {"voided_amount", report.voided_amount}, {"credit_notes", report.credit_notes},
                        {"credited", report.total_credited}, {"credited_tax", report.total_credited_tax},
                        {"net_billed", report.total_net_billed}, {"refunds", report.refunds}, {"refunded", report.total_refunded},
                        {"vouchers", report.vouchers}, {"voucher_gross", report.total_voucher_gross},
                        {"voucher_commission", report.total_voucher_commission}, {"voucher_net", report.total_voucher_net},
                        {"collected_with_vouchers", report.total_collected_with_vouchers}, {"revenue", report.total_revenue}}},
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

namespace {

Date date_or_default(const Json& object, const char* key) {
    auto parsed = parse_date(json_string(object, key));
    return parsed ? *parsed : Date{};
}

reports::MonthRange range_from_json(const Json& data) {
    const Json& range = json_object(data, "range");
    return {json_period(range, "from"), json_period(range, "to")};
}

std::vector<reports::RevenueSlice> revenue_slices(const Json& data, const char* key) {
    std::vector<reports::RevenueSlice> out;
    json_each_object(data, key, [&](const Json& slice) {
        out.push_back({json_string(slice, "key"), json_string(slice, "label"), json_int(slice, "count"), json_int(slice, "billed"),
                       json_int(slice, "collected")});
    });
    return out;
}

std::vector<reports::CustomerSlice> customer_slices(const Json& data, const char* key) {
    std::vector<reports::CustomerSlice> out;
    json_each_object(data, key, [&](const Json& slice) {
        out.push_back({json_string(slice, "key"), json_string(slice, "label"), json_int(slice, "active"), json_int(slice, "isolated"),
                       json_int(slice, "inactive"), json_int(slice, "total")});
    });
    return out;
}

}  // namespace

reports::RevenueReport revenue_report_from_json(const Json& data) {
    reports::RevenueReport out;
    out.range = range_from_json(data);
    const Json& totals = json_object(data, "totals");
    out.total_billed = json_int(totals, "billed");
    out.total_collected = json_int(totals, "collected");
    out.total_late_fees_collected = json_int(totals, "late_fees_collected");
    out.voided_invoices = json_int(totals, "voided_invoices");
    out.voided_amount = json_int(totals, "voided_amount");
    out.credit_notes = json_int(totals, "credit_notes");
    out.total_credited = json_int(totals, "credited");
    out.total_credited_tax = json_int(totals, "credited_tax");
    out.total_net_billed = json_int(totals, "net_billed", out.total_billed);
    out.refunds = json_int(totals, "refunds");
    out.total_refunded = json_int(totals, "refunded");
    out.vouchers = json_int(totals, "vouchers");
    out.total_voucher_gross = json_int(totals, "voucher_gross");
    out.total_voucher_commission = json_int(totals, "voucher_commission");
    out.total_voucher_net = json_int(totals, "voucher_net");
    out.total_collected_with_vouchers = json_int(totals, "collected_with_vouchers", out.total_collected);
    out.total_revenue = json_int(totals, "revenue", out.total_net_billed);
    json_each_object(data, "months", [&](const Json& month) {
        out.months.push_back({json_period(month, "period"), json_int(month, "invoices"), json_int(month, "billed"),
                              json_int(month, "paid_on_billed"), json_int(month, "collected"), json_int(month, "cash_received"),
                              json_int(month, "credit_applied"), json_int(month, "late_fees_collected"), json_int(month, "credited"),
                              json_int(month, "net_billed", json_int(month, "billed")), json_int(month, "refunded"),
                              json_int(month, "vouchers"), json_int(month, "voucher_gross"), json_int(month, "voucher_commission"),
                              json_int(month, "voucher_net"), json_int(month, "collected_with_vouchers", json_int(month, "collected")),
                              json_int(month, "revenue", json_int(month, "net_billed", json_int(month, "billed")))});
    });
    out.by_package = revenue_slices(data, "by_package");
    out.by_router = revenue_slices(data, "by_router");
    out.by_method = revenue_slices(data, "by_method");
    out.by_gateway = revenue_slices(data, "by_gateway");
    json_each_object(data, "daily", [&](const Json& day) {
        out.daily.push_back({date_or_default(day, "day"), json_int(day, "payments"), json_int(day, "collected")});
    });
    return out;
}

reports::CustomerReport customer_report_from_json(const Json& data) {
    reports::CustomerReport out;
    out.range = range_from_json(data);
    const Json& totals = json_object(data, "totals");
    out.total = json_int(totals, "total");
    out.active = json_int(totals, "active");
    out.isolated = json_int(totals, "isolated");
    out.inactive = json_int(totals, "inactive");
    json_each_object(data, "months", [&](const Json& month) {
        out.months.push_back({json_period(month, "period"), json_int(month, "active"), json_int(month, "new"),
                              json_int(month, "churned"), json_int(month, "isolated"), json_int(month, "net_growth"),
                              json_int(month, "growth_bp")});
    });
    out.by_package = customer_slices(data, "by_package");
    out.by_router = customer_slices(data, "by_router");
    return out;
}

reports::BillingReport billing_report_from_json(const Json& data) {
    reports::BillingReport out;
    out.range = range_from_json(data);
    out.as_of = date_or_default(data, "as_of");
    std::size_t bucket_index = 0;
    json_each_object(data, "aging", [&](const Json& bucket) {
        if (bucket_index < out.aging.size())
            out.aging[bucket_index++] = {json_string(bucket, "key"), json_string(bucket, "label"), json_int(bucket, "invoices"),
                                         json_int(bucket, "amount")};
    });
    out.receivable = json_int(data, "receivable");
    out.billed = json_int(data, "billed");
    out.paid_on_billed = json_int(data, "paid_on_billed");
    out.collection_rate_bp = json_int(data, "collection_rate_bp");
    out.dso_days = json_int(data, "dso_days");
    out.mrr = json_int(data, "mrr");
    out.subscribers = json_int(data, "subscribers");
    out.arpu = json_int(data, "arpu");
    json_each_object(data, "top_debtors", [&](const Json& debtor) {
        out.top_debtors.push_back({json_int(debtor, "customer_id"), json_string(debtor, "service_number"), json_string(debtor, "name"),
                                   json_int(debtor, "outstanding"), json_int(debtor, "invoices"), date_or_default(debtor, "oldest_due")});
    });
    return out;
}

}  // namespace kimonet::api
