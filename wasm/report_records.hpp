#pragma once
// The reports as the browser receives them (GET /api/reports/revenue|customers|billing, shapes in
// shared/api/report_dto.cpp): money in rupiah, ratios in basis points, months "YYYY-MM".
// Readers never throw; a missing field reads as 0 or "".
#include <cstdint>
#include <string>
#include <vector>

#include "api/json_fields.hpp"

namespace kimonet {

// One breakdown row: a package, router, payment method or gateway. `count` is invoices for
// packages/routers and payments for methods/gateways; `collected` is what was paid.
struct RevenueSliceRecord {
    std::string key, label;
    std::int64_t count = 0, billed = 0, collected = 0;
};

struct RevenueMonthRecord {
    std::string period;
    std::int64_t invoices = 0, billed = 0, paid_on_billed = 0, collected = 0, late_fees_collected = 0;
};

struct DailyCollectionRecord {
    std::string day;  // "2026-01-15"
    std::int64_t payments = 0, collected = 0;
};

struct RevenueRecord {
    std::string from, to;
    std::int64_t billed = 0, collected = 0, late_fees_collected = 0, voided_invoices = 0, voided_amount = 0;
    std::vector<RevenueMonthRecord> months;
    std::vector<RevenueSliceRecord> by_package, by_router, by_method, by_gateway;
    std::vector<DailyCollectionRecord> daily;
};

struct CustomerMonthRecord {
    std::string period;
    std::int64_t active = 0, new_customers = 0, churned = 0, isolated = 0, net_growth = 0, growth_bp = 0;
};

struct CustomerSliceRecord {
    std::string key, label;
    std::int64_t active = 0, isolated = 0, inactive = 0, total = 0;
};

struct CustomersRecord {
    std::string from, to;
    std::int64_t total = 0, active = 0, isolated = 0, inactive = 0;
    std::vector<CustomerMonthRecord> months;
    std::vector<CustomerSliceRecord> by_package, by_router;
};

struct AgingRecord {
    std::string key;  // "current", "1_30", "31_60", "61_90", "over_90"
    std::string label;
    std::int64_t invoices = 0, amount = 0;
};

struct DebtorRecord {
    std::int64_t customer_id = 0;
    std::string service_number, name, oldest_due;
    std::int64_t outstanding = 0, invoices = 0;
};

struct BillingHealthRecord {
    std::string from, to, as_of;
    std::vector<AgingRecord> aging;
    std::int64_t receivable = 0, billed = 0, paid_on_billed = 0, collection_rate_bp = 0, dso_days = 0, mrr = 0,
                 subscribers = 0, arpu = 0;
    std::vector<DebtorRecord> top_debtors;
};

// `data` is the response's "data" object.
RevenueRecord revenue_record_from_json(const api::Json& data);
CustomersRecord customers_record_from_json(const api::Json& data);
BillingHealthRecord billing_health_record_from_json(const api::Json& data);

}  // namespace kimonet
