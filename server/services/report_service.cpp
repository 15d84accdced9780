#include "services/report_service.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "store/credit_note_store.hpp"
#include "store/report_store.hpp"

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

// Customer id → package and router, so invoices can be split without a join per invoice
// (customer ids are dense: a vector indexed by id).
struct Placement {
    std::int64_t package_id = 0;
    std::int64_t router_id = 0;
};

Result<std::vector<Placement>> load_placements(store::Database& db) {
    std::vector<Placement> placements;
    TRY_VOID(store::scan_customer_placements(db, [&](const store::CustomerPlacementRow& row) {
        const std::int64_t id = row.customer_id;
        if (id < 0 || id > 100'000'000) return;
        if (static_cast<std::size_t>(id) >= placements.size()) placements.resize(static_cast<std::size_t>(id) + 1);
        placements[static_cast<std::size_t>(id)] = {row.package_id, row.router_id};
    }));
    return placements;
}

// "2026-01" → months since year 0, read in place (no string per row); -1 when malformed.
int period_index(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return -1;
    int year = 0, month = 0;
    for (int i = 0; i < 4; ++i) year = year * 10 + (text[static_cast<std::size_t>(i)] - '0');
    month = (text[5] - '0') * 10 + (text[6] - '0');
    return year * 12 + month - 1;
}

// One pass over the range's invoices, grouped in memory (with `by_customer` split by the
// customer's package and router). SQLite's GROUP BY over a join sorts every row first; a lookup
// per row into a handful of groups with integer keys does not (bench_reports).
Result<std::vector<reports::InvoiceGroup>> load_invoice_groups(store::Database& db, const reports::MonthRange& range, bool by_customer) {
    std::vector<Placement> placements;
    if (by_customer) placements = TRY(load_placements(db));
    using Key = std::tuple<int, std::int64_t, std::int64_t, bool>;
    std::map<Key, reports::InvoiceGroup> groups;
    TRY_VOID(store::scan_invoice_amounts(db, range.from, range.to, [&](const store::InvoiceAmountRow& row) {
        Placement placement;
        if (by_customer)
            if (const std::int64_t customer = row.customer_id; customer >= 0 && static_cast<std::size_t>(customer) < placements.size())
                placement = placements[static_cast<std::size_t>(customer)];
        const int month = period_index(row.period);
        if (month < 0) return;
        auto [group, inserted] = groups.try_emplace(Key{month, placement.package_id, placement.router_id, row.voided});
        if (inserted) group->second = {Period{month / 12, month % 12 + 1}, placement.package_id, placement.router_id, std::get<3>(group->first)};
        group->second.count += 1;
        group->second.billed += row.total;
        group->second.paid += row.paid;
    }));
    std::vector<reports::InvoiceGroup> out;
    out.reserve(groups.size());
    for (auto& [key, group] : groups) out.push_back(group);
    return out;
}

// The few distinct texts of a column (payment methods, gateways) as small numbers, so rows group
// by integers without a string per row.
class TextCodes {
public:
    int code(std::string_view text) {
        for (std::size_t i = 0; i < m_texts.size(); ++i)
            if (m_texts[i] == text) return static_cast<int>(i);
        m_texts.emplace_back(text);
        return static_cast<int>(m_texts.size() - 1);
    }
    const std::string& text(int code) const { return m_texts[static_cast<std::size_t>(code)]; }

private:
    std::vector<std::string> m_texts;
};

// Unpaid and partly paid invoices in one pass: outstanding per due date (aging) and per customer
// (the ten largest debtors, ties broken by the oldest due date, then the customer id).
struct OpenInvoices {
    std::vector<reports::OpenInvoiceGroup> by_due_date;
    std::vector<reports::Debtor> top_debtors;
};

Result<OpenInvoices> load_open_invoices(store::Database& db) {
    struct Owed {
        Money outstanding = 0;
        std::int64_t invoices = 0;
        std::string oldest_due;
    };
    std::map<std::string, reports::OpenInvoiceGroup> by_due;
    std::unordered_map<std::int64_t, Owed> by_customer;
    TRY_VOID(store::scan_open_invoices(db, [&](const store::OpenInvoiceRow& row) {
        std::string due(row.due_date);
        const Money outstanding = row.outstanding;
        auto& day = by_due[due];
        day.count += 1;
        day.outstanding += outstanding;
        auto& owed = by_customer[row.customer_id];
        owed.outstanding += outstanding;
        owed.invoices += 1;
        if (owed.oldest_due.empty() || due < owed.oldest_due) owed.oldest_due = std::move(due);
    }));
    OpenInvoices open;
    for (auto& [due, group] : by_due) {
        group.due_date = date_from_text(due);
        open.by_due_date.push_back(group);
    }
    std::vector<std::pair<std::int64_t, const Owed*>> ranked;
    ranked.reserve(by_customer.size());
    for (const auto& [customer_id, owed] : by_customer) ranked.emplace_back(customer_id, &owed);
    const auto worse = [](const auto& a, const auto& b) {
        if (a.second->outstanding != b.second->outstanding) return a.second->outstanding > b.second->outstanding;
        if (a.second->oldest_due != b.second->oldest_due) return a.second->oldest_due < b.second->oldest_due;
        return a.first < b.first;
    };
    const std::size_t top = std::min<std::size_t>(10, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(), worse);
    for (std::size_t i = 0; i < top; ++i) {
        std::string service_number, name;
        if (auto label = TRY(store::find_customer_label(db, ranked[i].first))) service_number = std::move(label->service_number), name = std::move(label->name);
        open.top_debtors.push_back({ranked[i].first, std::move(service_number), std::move(name), ranked[i].second->outstanding,
                                    ranked[i].second->invoices, date_from_text(ranked[i].second->oldest_due)});
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
    const auto invoices = TRY(load_invoice_groups(context.db, range, true));

    // Payments by local day and method, grouped in memory (no sort of every payment).
    TextCodes methods, gateway_names;
    std::map<std::pair<std::int64_t, int>, reports::PaymentGroup> payment_groups;
    TRY_VOID(store::scan_payment_amounts(context.db, start, end, offset_seconds, [&](const store::PaymentAmountRow& row) {
        auto [group, inserted] = payment_groups.try_emplace({row.local_day, methods.code(row.method)});
        if (inserted) group->second = {civil_from_days(group->first.first), methods.text(group->first.second)};
        group->second.count += 1;
        group->second.received += row.amount;
        group->second.applied += row.applied;
    }));
    std::vector<reports::PaymentGroup> payments;
    for (auto& [key, group] : payment_groups) payments.push_back(std::move(group));

    std::map<std::pair<std::int64_t, int>, reports::GatewayGroup> gateway_groups;
    TRY_VOID(store::scan_gateway_payments(context.db, start, end, offset_seconds, [&](const store::GatewayPaymentRow& row) {
        auto [group, inserted] = gateway_groups.try_emplace({row.local_day, gateway_names.code(row.gateway)});
        if (inserted) group->second = {civil_from_days(group->first.first), gateway_names.text(group->first.second)};
        group->second.count += 1;
        group->second.applied += row.applied;
    }));
    std::vector<reports::GatewayGroup> gateways;
    for (auto& [key, group] : gateway_groups) gateways.push_back(std::move(group));

    // A late fee counts as collected when its invoice is paid in full (payments settle the
    // package first), on the day the invoice became paid.
    std::vector<reports::LateFeeGroup> late_fees;
    for (const auto& row : TRY(store::list_collected_late_fees(context.db, start, end, offset_seconds)))
        late_fees.push_back({civil_from_days(row.local_day), row.amount});

    auto report = reports::revenue_report(range, invoices, payments, gateways, late_fees, TRY(load_labels(context.db)));
    // Credit notes (issue 20) in the month they are issued.
    const auto credit_notes = TRY(store::credit_notes_by_month(context.db, first_day(range.from), last_day(range.to)));
    reports::net_credit_notes(report, credit_notes);
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
    const auto invoices = TRY(load_invoice_groups(context.db, range, false));
    auto open = TRY(load_open_invoices(context.db));

    std::vector<reports::SubscriptionGroup> subscriptions;
    for (const auto& row : TRY(store::list_subscriptions_by_price(context.db))) subscriptions.push_back({row.price, row.count});

    return reports::billing_report(range, context.today(), invoices, open.by_due_date, subscriptions, std::move(open.top_debtors));
}

}  // namespace kimonet::services
