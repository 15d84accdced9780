#include "reports/revenue_report.hpp"

#include <algorithm>

namespace kimonet::reports {

namespace {

bool in_range(const MonthRange& range, const Period& period) { return period >= range.from && period <= range.to; }

MonthRevenue* month_of(std::vector<MonthRevenue>& months, const MonthRange& range, const Period& period) {
    if (!in_range(range, period)) return nullptr;
    for (auto& month : months)
        if (month.period == period) return &month;
    return nullptr;
}

std::vector<RevenueSlice> sorted_slices(std::map<std::string, RevenueSlice>& slices, bool by_billed) {
    std::vector<RevenueSlice> out;
    for (auto& [key, slice] : slices) out.push_back(std::move(slice));
    std::stable_sort(out.begin(), out.end(), [by_billed](const RevenueSlice& a, const RevenueSlice& b) {
        const Money left = by_billed ? a.billed : a.collected, right = by_billed ? b.billed : b.collected;
        return left != right ? left > right : a.key < b.key;
    });
    return out;
}

// A sum that cannot wrap: the first figure to leave int64 is the report's error.
Result<void> add_to(Money& total, Money amount) {
    total = TRY(checked_add(total, amount));
    return {};
}

}  // namespace

Result<RevenueReport> revenue_report(const MonthRange& range, std::span<const InvoiceGroup> invoices,
                             std::span<const PaymentGroup> payments, std::span<const GatewayGroup> gateways,
                             std::span<const LateFeeGroup> late_fees, const Labels& labels) {
    RevenueReport report;
    report.range = range;
    for (const Period& period : months_in(range)) report.months.push_back(MonthRevenue{period});

    std::map<std::string, RevenueSlice> packages, routers, methods, gateway_slices;
    for (const auto& group : invoices) {
        MonthRevenue* month = month_of(report.months, range, group.period);
        if (!month) continue;
        if (group.voided) {
            report.voided_invoices += group.count;
            TRY_VOID(add_to(report.voided_amount, group.billed));
            continue;
        }
        month->invoices += group.count;
        TRY_VOID(add_to(month->billed, group.billed));
        TRY_VOID(add_to(month->paid_on_billed, group.paid));
        TRY_VOID(add_to(report.total_billed, group.billed));
        auto& package = packages[std::to_string(group.package_id)];
        package.key = std::to_string(group.package_id);
        package.label = labels.package_name(group.package_id);
        package.count += group.count;
        TRY_VOID(add_to(package.billed, group.billed));
        TRY_VOID(add_to(package.collected, group.paid));
        auto& router = routers[std::to_string(group.router_id)];
        router.key = std::to_string(group.router_id);
        router.label = labels.router_name(group.router_id);
        router.count += group.count;
        TRY_VOID(add_to(router.billed, group.billed));
        TRY_VOID(add_to(router.collected, group.paid));
    }

    std::map<Date, DailyCollection> days;
    for (const auto& group : payments) {
        MonthRevenue* month = month_of(report.months, range, period_of(group.day));
        if (!month) continue;
        TRY_VOID(add_to(month->collected, group.applied));
        if (group.method == "credit") TRY_VOID(add_to(month->credit_applied, group.applied));
        else TRY_VOID(add_to(month->cash_received, group.received));
        TRY_VOID(add_to(report.total_collected, group.applied));
        auto& method = methods[group.method];
        method.key = method.label = group.method;
        method.count += group.count;
        TRY_VOID(add_to(method.collected, group.applied));
        auto& day = days[group.day];
        day.day = group.day;
        day.payments += group.count;
        TRY_VOID(add_to(day.collected, group.applied));
    }
    for (const auto& group : gateways) {
        if (!in_range(range, period_of(group.day))) continue;
        auto& gateway = gateway_slices[group.gateway];
        gateway.key = gateway.label = group.gateway;
        gateway.count += group.count;
        TRY_VOID(add_to(gateway.collected, group.applied));
    }
    for (const auto& group : late_fees) {
        MonthRevenue* month = month_of(report.months, range, period_of(group.day));
        if (!month) continue;
        TRY_VOID(add_to(month->late_fees_collected, group.amount));
        TRY_VOID(add_to(report.total_late_fees_collected, group.amount));
    }
    report.by_package = sorted_slices(packages, true);
    report.by_router = sorted_slices(routers, true);
    report.by_method = sorted_slices(methods, false);
    report.by_gateway = sorted_slices(gateway_slices, false);
    for (auto& [day, collection] : days) report.daily.push_back(collection);
    return report;
}

Result<void> net_credit_notes(RevenueReport& report, std::span<const CreditNoteGroup> credit_notes) {
    for (const auto& group : credit_notes) {
        MonthRevenue* month = month_of(report.months, report.range, group.period);
        if (!month) continue;
        TRY_VOID(add_to(month->credited, group.amount));
        report.credit_notes += group.count;
        TRY_VOID(add_to(report.total_credited, group.amount));
        TRY_VOID(add_to(report.total_credited_tax, group.tax));
    }
    for (auto& month : report.months) month.net_billed = TRY(checked_add(month.billed, -month.credited));
    report.total_net_billed = TRY(checked_add(report.total_billed, -report.total_credited));
    return {};
}

Result<void> add_refunds(RevenueReport& report, std::span<const RefundGroup> refunds) {
    for (const auto& group : refunds) {
        MonthRevenue* month = month_of(report.months, report.range, period_of(group.day));
        if (!month) continue;
        TRY_VOID(add_to(month->refunded, group.amount));
        report.refunds += group.count;
        TRY_VOID(add_to(report.total_refunded, group.amount));
    }
    return {};
}

Result<void> add_voucher_sales(RevenueReport& report, std::span<const VoucherSalesMonth> sales) {
    for (const auto& sold : sales) {
        MonthRevenue* month = month_of(report.months, report.range, sold.period);
        if (!month) continue;
        month->vouchers = TRY(checked_add(month->vouchers, sold.vouchers));
        month->voucher_gross = TRY(checked_add(month->voucher_gross, sold.gross));
        month->voucher_commission = TRY(checked_add(month->voucher_commission, sold.commission));
        month->voucher_net = TRY(checked_add(month->voucher_net, sold.net));
        report.vouchers = TRY(checked_add(report.vouchers, sold.vouchers));
        report.total_voucher_gross = TRY(checked_add(report.total_voucher_gross, sold.gross));
        report.total_voucher_commission = TRY(checked_add(report.total_voucher_commission, sold.commission));
        report.total_voucher_net = TRY(checked_add(report.total_voucher_net, sold.net));
    }
    for (auto& month : report.months) {
        month.collected_with_vouchers = TRY(checked_add(month.collected, month.voucher_net));
        month.revenue = TRY(checked_add(month.net_billed, month.voucher_gross));
    }
    report.total_collected_with_vouchers = TRY(checked_add(report.total_collected, report.total_voucher_net));
    report.total_revenue = TRY(checked_add(report.total_net_billed, report.total_voucher_gross));
    return {};
}

}  // namespace kimonet::reports
