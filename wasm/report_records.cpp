#include "report_records.hpp"

#include "api_client.hpp"

namespace kimonet {
namespace {

// Calls `read` for every object of the array `key` (nothing when it is absent or not an array).
template <typename Read>
void each(const api::Json& object, const char* key, Read read) {
    if (!object.is_object()) return;
    auto found = object.find(key);
    if (found == object.end() || !found->is_array()) return;
    for (const auto& element : *found)
        if (element.is_object()) read(element);
}

const api::Json& member(const api::Json& object, const char* key) {
    static const api::Json empty = api::Json::object();
    if (!object.is_object()) return empty;
    auto found = object.find(key);
    return found != object.end() && found->is_object() ? *found : empty;
}

std::vector<RevenueSliceRecord> revenue_slices(const api::Json& data, const char* key) {
    std::vector<RevenueSliceRecord> out;
    each(data, key, [&](const api::Json& slice) {
        out.push_back({json_string(slice, "key"), json_string(slice, "label"), json_int(slice, "count"), json_int(slice, "billed"),
                       json_int(slice, "collected")});
    });
    return out;
}

std::vector<CustomerSliceRecord> customer_slices(const api::Json& data, const char* key) {
    std::vector<CustomerSliceRecord> out;
    each(data, key, [&](const api::Json& slice) {
        out.push_back({json_string(slice, "key"), json_string(slice, "label"), json_int(slice, "active"), json_int(slice, "isolated"),
                       json_int(slice, "inactive"), json_int(slice, "total")});
    });
    return out;
}

}  // namespace

RevenueRecord revenue_record_from_json(const api::Json& data) {
    RevenueRecord out;
    out.from = json_string(member(data, "range"), "from");
    out.to = json_string(member(data, "range"), "to");
    const api::Json& totals = member(data, "totals");
    out.billed = json_int(totals, "billed");
    out.collected = json_int(totals, "collected");
    out.late_fees_collected = json_int(totals, "late_fees_collected");
    out.voided_invoices = json_int(totals, "voided_invoices");
    out.voided_amount = json_int(totals, "voided_amount");
    each(data, "months", [&](const api::Json& month) {
        out.months.push_back({json_string(month, "period"), json_int(month, "invoices"), json_int(month, "billed"),
                              json_int(month, "paid_on_billed"), json_int(month, "collected"), json_int(month, "late_fees_collected")});
    });
    out.by_package = revenue_slices(data, "by_package");
    out.by_router = revenue_slices(data, "by_router");
    out.by_method = revenue_slices(data, "by_method");
    out.by_gateway = revenue_slices(data, "by_gateway");
    each(data, "daily", [&](const api::Json& day) {
        out.daily.push_back({json_string(day, "day"), json_int(day, "payments"), json_int(day, "collected")});
    });
    return out;
}

CustomersRecord customers_record_from_json(const api::Json& data) {
    CustomersRecord out;
    out.from = json_string(member(data, "range"), "from");
    out.to = json_string(member(data, "range"), "to");
    const api::Json& totals = member(data, "totals");
    out.total = json_int(totals, "total");
    out.active = json_int(totals, "active");
    out.isolated = json_int(totals, "isolated");
    out.inactive = json_int(totals, "inactive");
    each(data, "months", [&](const api::Json& month) {
        out.months.push_back({json_string(month, "period"), json_int(month, "active"), json_int(month, "new"), json_int(month, "churned"),
                              json_int(month, "isolated"), json_int(month, "net_growth"), json_int(month, "growth_bp")});
    });
    out.by_package = customer_slices(data, "by_package");
    out.by_router = customer_slices(data, "by_router");
    return out;
}

BillingHealthRecord billing_health_record_from_json(const api::Json& data) {
    BillingHealthRecord out;
    out.from = json_string(member(data, "range"), "from");
    out.to = json_string(member(data, "range"), "to");
    out.as_of = json_string(data, "as_of");
    each(data, "aging", [&](const api::Json& bucket) {
        out.aging.push_back({json_string(bucket, "key"), json_string(bucket, "label"), json_int(bucket, "invoices"), json_int(bucket, "amount")});
    });
    out.receivable = json_int(data, "receivable");
    out.billed = json_int(data, "billed");
    out.paid_on_billed = json_int(data, "paid_on_billed");
    out.collection_rate_bp = json_int(data, "collection_rate_bp");
    out.dso_days = json_int(data, "dso_days");
    out.mrr = json_int(data, "mrr");
    out.subscribers = json_int(data, "subscribers");
    out.arpu = json_int(data, "arpu");
    each(data, "top_debtors", [&](const api::Json& debtor) {
        out.top_debtors.push_back({json_int(debtor, "customer_id"), json_string(debtor, "service_number"), json_string(debtor, "name"),
                                   json_string(debtor, "oldest_due"), json_int(debtor, "outstanding"), json_int(debtor, "invoices")});
    });
    return out;
}

}  // namespace kimonet
