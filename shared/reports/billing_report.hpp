#pragma once
// Billing health: accounts-receivable aging, collection rate, days sales outstanding, ARPU,
// MRR and the top debtors. Pure: rows in, report out.
#include <array>
#include <span>

#include "reports/report_rows.hpp"

namespace kimonet::reports {

struct AgingBucket {
    std::string key;    // "current", "1_30", "31_60", "61_90", "over_90"
    std::string label;  // "Belum jatuh tempo", "1–30 hari", …
    std::int64_t invoices = 0;
    Money amount = 0;
};

struct BillingReport {
    MonthRange range;
    Date as_of;
    std::array<AgingBucket, 5> aging;
    Money receivable = 0;                // everything still open
    Money billed = 0;                    // the range's invoices (voids excluded)
    Money paid_on_billed = 0;            // of which paid
    std::int64_t collection_rate_bp = 0;  // paid_on_billed / billed
    std::int64_t dso_days = 0;           // receivable / billed × days of the range up to as_of
    Money mrr = 0;                       // monthly package prices of active and isolated subscribers
    std::int64_t subscribers = 0;
    Money arpu = 0;                      // mrr / subscribers, rounded half up
    std::vector<Debtor> top_debtors;     // largest outstanding first
};

// The aging bucket of an invoice `days_overdue` days past due (≤ 0 = current).
std::size_t aging_bucket_index(std::int64_t days_overdue);

// `debtors` may hold more than `top`; the largest `top` are kept.
BillingReport billing_report(const MonthRange& range, const Date& as_of, std::span<const InvoiceGroup> invoices,
                             std::span<const OpenInvoiceGroup> open_invoices, std::span<const SubscriptionGroup> subscriptions,
                             std::vector<Debtor> debtors, std::size_t top = 10);

}  // namespace kimonet::reports
