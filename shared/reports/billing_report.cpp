#include "reports/billing_report.hpp"

#include <algorithm>

namespace kimonet::reports {

std::size_t aging_bucket_index(std::int64_t days_overdue) {
    if (days_overdue <= 0) return 0;
    if (days_overdue <= 30) return 1;
    if (days_overdue <= 60) return 2;
    if (days_overdue <= 90) return 3;
    return 4;
}

BillingReport billing_report(const MonthRange& range, const Date& as_of, std::span<const InvoiceGroup> invoices,
                             std::span<const OpenInvoiceGroup> open_invoices, std::span<const SubscriptionGroup> subscriptions,
                             std::vector<Debtor> debtors, std::size_t top) {
    BillingReport report;
    report.range = range;
    report.as_of = as_of;
    report.aging = {AgingBucket{"current", "Belum jatuh tempo"}, AgingBucket{"1_30", "1-30 hari"},
                    AgingBucket{"31_60", "31-60 hari"}, AgingBucket{"61_90", "61-90 hari"}, AgingBucket{"over_90", "> 90 hari"}};
    for (const auto& group : open_invoices) {
        auto& bucket = report.aging[aging_bucket_index(days_between(group.due_date, as_of))];
        bucket.invoices += group.count;
        bucket.amount += group.outstanding;
        report.receivable += group.outstanding;
    }
    for (const auto& group : invoices) {
        if (group.voided || group.period < range.from || group.period > range.to) continue;
        report.billed += group.billed;
        report.paid_on_billed += group.paid;
    }
    report.collection_rate_bp = ratio_bp(report.paid_on_billed, report.billed);
    // Days of the range that have happened: from its first day to as_of or its last day.
    const Date end = std::min(as_of, last_day(range.to));
    const std::int64_t days = std::max<std::int64_t>(0, days_between(first_day(range.from), end) + 1);
    if (report.billed > 0) report.dso_days = (report.receivable * days + report.billed / 2) / report.billed;
    for (const auto& group : subscriptions) {
        report.mrr += group.price * group.count;
        report.subscribers += group.count;
    }
    if (report.subscribers > 0) report.arpu = (report.mrr + report.subscribers / 2) / report.subscribers;
    std::stable_sort(debtors.begin(), debtors.end(), [](const Debtor& a, const Debtor& b) {
        return a.outstanding != b.outstanding ? a.outstanding > b.outstanding : a.oldest_due < b.oldest_due;
    });
    if (debtors.size() > top) debtors.resize(top);
    report.top_debtors = std::move(debtors);
    return report;
}

}  // namespace kimonet::reports
