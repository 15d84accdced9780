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
    // Hotspot vouchers sold to resellers on the month's local days (docs/VOUCHERS.md): gross at the
    // voucher price, the resellers' commission, and net, what the resellers paid from their balance.
    std::int64_t vouchers = 0;
    Money voucher_gross = 0;
    Money voucher_commission = 0;
    Money voucher_net = 0;
    Money collected_with_vouchers = 0;  // collected + voucher_net: the money the month brought in for service sold
    Money revenue = 0;                  // net_billed + voucher_gross: invoices and vouchers, accrual
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
    std::int64_t vouchers = 0;  // voucher figures of the range, as the months'
    Money total_voucher_gross = 0;
    Money total_voucher_commission = 0;
    Money total_voucher_net = 0;
    Money total_collected_with_vouchers = 0;
    Money total_revenue = 0;
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

// Rows outside the range are ignored. Slices are sorted by amount, largest first. Every sum is
// checked: an error only when a figure would leave int64.
Result<RevenueReport> revenue_report(const MonthRange& range, std::span<const InvoiceGroup> invoices,
                             std::span<const PaymentGroup> payments, std::span<const GatewayGroup> gateways,
                             std::span<const LateFeeGroup> late_fees, const Labels& labels);

// Nets the range's credit notes: each month's credited and net_billed (billed - credited), and the
// totals. Groups outside the range are ignored; net figures are set for every month.
Result<void> net_credit_notes(RevenueReport& report, std::span<const CreditNoteGroup> credit_notes);

// Adds the range's voucher sales (months outside it are ignored) and sets every month's and the
// totals' collected_with_vouchers and revenue; call after net_credit_notes. Checked: errors only when
// a figure leaves int64.
Result<void> add_voucher_sales(RevenueReport& report, std::span<const VoucherSalesMonth> sales);

// Adds the range's refunds: each month's refunded and the totals. Days outside the range are ignored.
Result<void> add_refunds(RevenueReport& report, std::span<const RefundGroup> refunds);

}  // namespace kimonet::reports
