#pragma once
// Revenue: billed vs collected per month, by package, router, payment method and gateway,
// daily collections and late fees collected. Pure: rows in, report out.
#include <span>

#include "reports/report_rows.hpp"

namespace kimonet::reports {

struct MonthRevenue {
    Period period;
    std::int64_t invoices = 0;  // not voided
    Money billed = 0;           // totals of the month's invoices (billing period)
    Money paid_on_billed = 0;   // of which already paid (whenever)
    Money collected = 0;        // applied to invoices by payments made in the month (cash basis)
    Money cash_received = 0;    // handed over in the month by payers, credit use excluded
    Money credit_applied = 0;   // collected from customer credit
    Money late_fees_collected = 0;
    // Credit notes issued in the month (issue 20), tax included, and the month's billed net of them.
    // A credit note counts in the month it is issued, whatever the period of its invoice.
    Money credited = 0;
    Money net_billed = 0;
    // Customer credit paid back in the month (refunds, cash or transfer, by the local day they were
    // paid): money out, which cash_received does not net.
    Money refunded = 0;
};

// One slice of a breakdown: a package, a router, a method or a gateway.
struct RevenueSlice {
    std::string key;  // package/router id as text, or method/gateway name
    std::string label;
    std::int64_t count = 0;  // invoices for package/router slices, payments for method/gateway
    Money billed = 0;
    Money collected = 0;
};

struct DailyCollection {
    Date day;
    std::int64_t payments = 0;
    Money collected = 0;
};

struct RevenueReport {
    MonthRange range;
    std::vector<MonthRevenue> months;
    std::vector<RevenueSlice> by_package;  // billed and paid_on_billed of the range's invoices
    std::vector<RevenueSlice> by_router;
    std::vector<RevenueSlice> by_method;   // collected in the range
    std::vector<RevenueSlice> by_gateway;
    std::vector<DailyCollection> daily;    // every day of the range with a payment
    Money total_billed = 0;
    Money total_collected = 0;
    Money total_late_fees_collected = 0;
    std::int64_t voided_invoices = 0;
    Money voided_amount = 0;
    std::int64_t credit_notes = 0;
    Money total_credited = 0;    // credit notes issued in the range (tax included)
    Money total_credited_tax = 0;  // of which PPN
    Money total_net_billed = 0;  // total_billed - total_credited
    std::int64_t refunds = 0;
    Money total_refunded = 0;
};

// Credit notes issued in one month.
struct CreditNoteGroup {
    Period period;
    std::int64_t count = 0;
    Money amount = 0;
    Money tax = 0;
};

// Refunds paid on one local day.
struct RefundGroup {
    Date day;
    std::int64_t count = 0;
    Money amount = 0;
};

// Rows outside the range are ignored. Slices are sorted by amount, largest first.
RevenueReport revenue_report(const MonthRange& range, std::span<const InvoiceGroup> invoices,
                             std::span<const PaymentGroup> payments, std::span<const GatewayGroup> gateways,
                             std::span<const LateFeeGroup> late_fees, const Labels& labels);

// Nets the range's credit notes: each month's credited and net_billed (billed - credited), and the
// totals. Groups outside the range are ignored; net figures are set for every month.
void net_credit_notes(RevenueReport& report, std::span<const CreditNoteGroup> credit_notes);

// Adds the range's refunds: each month's refunded and the totals. Days outside the range are ignored.
void add_refunds(RevenueReport& report, std::span<const RefundGroup> refunds);

}  // namespace kimonet::reports
