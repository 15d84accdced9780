#include "services/report_service.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "services/reseller_service.hpp"
#include "store/credit_note_store.hpp"
#include "store/report_store.hpp"
#include "store/report_totals.hpp"

namespace kimonet::services {

namespace {

Date date_from_text(const std::string& text) {
    auto date = parse_date(text.substr(0, 10));
    return date ? *date : Date{};
}

// "2026-01-15T09:30" (a UTC minute; "2026-01-15" counts as midnight) → the local day at `offset`;
// nullopt for "" or text that is not a date (as SQLite's date() gave NULL).
std::optional<Date> local_day_of_utc_minute(std::string_view text, UtcOffset offset) {
    if (text.size() < 10) return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    LocalDateTime utc{*date};
    if (text.size() >= 16 && (text[10] == 'T' || text[10] == ' ') && text[13] == ':') {
        const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
        const int hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15);
        if (digit(11) < 0 || digit(12) < 0 || digit(14) < 0 || digit(15) < 0 || hour > 23 || minute > 59) return std::nullopt;
        utc.hour = hour;
        utc.minute = minute;
    }
    return local_from_unix(unix_from_local(utc, UtcOffset{0}), offset).date;
}

// Unix seconds of the first local instant of `from` and of the month after `to`.
std::pair<std::int64_t, std::int64_t> unix_bounds(const app::Context& context, const reports::MonthRange& range) {
    return {unix_from_local(LocalDateTime{first_day(range.from)}, context.offset),
            unix_from_local(LocalDateTime{first_day(next_period(range.to))}, context.offset)};
}

Result<reports::Labels> load_labels(store::Database& db) {
    auto names = TRY(store::list_package_and_router_names(db));
    reports::Labels labels;
    labels.packages = std::move(names.packages);
    labels.routers = std::move(names.routers);
    return labels;
}

// Unpaid and partly paid invoices: outstanding per due date (aging) and the ten largest debtors.
struct OpenInvoices {
    std::vector<reports::OpenInvoiceGroup> by_due_date;
    std::vector<reports::Debtor> top_debtors;
};

Result<OpenInvoices> load_open_invoices(store::Database& db) {
    constexpr std::size_t kTopDebtors = 10;
    const auto totals = TRY(store::open_invoice_totals(db, kTopDebtors));
    OpenInvoices open;
    for (const auto& row : totals.by_due_date) open.by_due_date.push_back({date_from_text(row.due_date), row.count, row.outstanding});
    for (const auto& row : totals.top_debtors) {
        std::string service_number, name;
        if (auto label = TRY(store::find_customer_label(db, row.customer_id))) service_number = std::move(label->service_number), name = std::move(label->name);
        open.top_debtors.push_back({row.customer_id, std::move(service_number), std::move(name), row.outstanding, row.invoices, date_from_text(row.oldest_due)});
    }
    return open;
}

}  // namespace

Result<reports::MonthRange> report_range(const app::Context& context, std::string_view from, std::string_view to) {
    return reports::parse_month_range(from, to, period_of(context.today()));
}

Result<reports::RevenueReport> revenue_report(app::Context& context, const reports::MonthRange& range) {
    const auto [start, end] = unix_bounds(context, range);
    const std::int64_t offset_seconds = std::int64_t{context.offset.minutes} * 60;
    const auto invoices = TRY(store::invoice_totals(context.db, range.from, range.to, true));

    // Payments by local day and method, and those through a gateway by gateway.
    const auto totals = TRY(store::payment_totals(context.db, start, end, offset_seconds));
    std::vector<reports::PaymentGroup> payments;
    for (const auto& row : totals.by_method) payments.push_back({civil_from_days(row.local_day), row.method, row.count, row.received, row.applied});
    std::vector<reports::GatewayGroup> gateways;
    for (const auto& row : totals.by_gateway) gateways.push_back({civil_from_days(row.local_day), row.gateway, row.count, row.applied});

    // A late fee counts as collected when its invoice is paid in full (payments settle the
    // package first), on the day the invoice became paid.
    std::vector<reports::LateFeeGroup> late_fees;
    for (const auto& row : TRY(store::list_collected_late_fees(context.db, start, end, offset_seconds)))
        late_fees.push_back({civil_from_days(row.local_day), row.amount});

    const auto labels = TRY(load_labels(context.db));
    auto report = TRY(reports::revenue_report(range, invoices, payments, gateways, late_fees, labels));
    // Credit notes (issue 20) in the month they are issued.
    const auto credit_notes = TRY(store::credit_notes_by_month(context.db, first_day(range.from), last_day(range.to)));
    TRY_VOID(reports::net_credit_notes(report, credit_notes));
    // Refunds: credit paid back, money out, by the local day it was paid.
    std::vector<reports::RefundGroup> refunds;
    for (const auto& row : TRY(store::list_refunds_by_day(context.db, start, end, offset_seconds)))
        refunds.push_back({civil_from_days(row.local_day), row.count, row.amount});
    TRY_VOID(reports::add_refunds(report, refunds));
    // Hotspot vouchers sold to resellers, by the local day of the sale, next to the invoice payments.
    const auto voucher_sales = TRY(services::voucher_sales_by_month(context, range));
    TRY_VOID(reports::add_voucher_sales(report, voucher_sales));
    return report;
}

Result<reports::CustomerReport> customer_report(app::Context& context, const reports::MonthRange& range) {
    // A customer's leaving day is the day their row last changed while inactive or terminated
    // (deactivation is the last change a departed customer normally gets).
    // Groups of the same customers whose UTC minutes fall on the same local day become one group.
    using Key = std::tuple<std::int64_t, std::int64_t, std::string, std::string, bool, Date>;
    std::map<Key, reports::CustomerGroup> groups;
    for (auto& row : TRY(store::list_customer_status_groups(context.db))) {
        const std::optional<Date> left_on = local_day_of_utc_minute(row.changed_minute_utc, context.offset);
        Key key{row.package_id, row.router_id, row.status, row.join_date, left_on.has_value(), left_on.value_or(Date{})};
        auto [group, inserted] = groups.try_emplace(std::move(key));
        if (inserted) {
            group->second = {row.package_id, row.router_id, row.status, date_from_text(row.join_date)};
            group->second.left = left_on.has_value();
            if (left_on) group->second.left_on = *left_on;
            group->second.count = 0;
        }
        group->second.count += row.count;
    }
    std::vector<reports::CustomerGroup> customers;
    customers.reserve(groups.size());
    for (auto& [key, group] : groups) customers.push_back(std::move(group));
    // Distinct customers per local month: one count per month of the range (months without an
    // isolation are left out, as a GROUP BY would).
    std::vector<reports::IsolationGroup> isolations;
    for (const Period& month : reports::months_in(range)) {
        const auto [start, end] = unix_bounds(context, reports::MonthRange{month, month});
        if (const std::int64_t isolated = TRY(store::count_isolated_customers(context.db, start, end)); isolated > 0)
            isolations.push_back({month, isolated});
    }
    return reports::customer_report(range, customers, isolations, TRY(load_labels(context.db)));
}

Result<reports::BillingReport> billing_report(app::Context& context, const reports::MonthRange& range) {
    const auto invoices = TRY(store::invoice_totals(context.db, range.from, range.to, false));
    auto open = TRY(load_open_invoices(context.db));

    std::vector<reports::SubscriptionGroup> subscriptions;
    for (const auto& row : TRY(store::list_subscriptions_by_price(context.db))) subscriptions.push_back({row.price, row.count});

    return reports::billing_report(range, context.today(), invoices, open.by_due_date, subscriptions, std::move(open.top_debtors));
}

Result<store::FoldedTotals> fold_report_totals(app::Context& context) {
    store::FoldedTotals folded;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        folded = TRY(store::fold_invoice_period_totals(context.db));
        return {};
    }));
    return folded;
}

}  // namespace kimonet::services
