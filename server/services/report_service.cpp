#include "services/report_service.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace kimonet::services {

namespace {

Period period_from_text(const std::string& text) {
    auto period = parse_period(text);
    return period ? *period : Period{};
}

Date date_from_text(const std::string& text) {
    auto date = parse_date(text.substr(0, 10));
    return date ? *date : Date{};
}

// Unix seconds of the first local instant of `from` and of the month after `to`.
std::pair<std::int64_t, std::int64_t> unix_bounds(const app::Context& context, const reports::MonthRange& range) {
    return {unix_from_local(LocalDateTime{first_day(range.from)}, context.offset),
            unix_from_local(LocalDateTime{first_day(next_period(range.to))}, context.offset)};
}

Result<reports::Labels> load_labels(store::Database& db) {
    reports::Labels labels;
    auto packages = TRY(db.prepare("SELECT id, name FROM internet_packages"));
    while (TRY(packages.step())) labels.packages[packages.column_int(0)] = packages.column_text(1);
    auto routers = TRY(db.prepare("SELECT id, name FROM routers"));
    while (TRY(routers.step())) labels.routers[routers.column_int(0)] = routers.column_text(1);
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
    auto statement = TRY(db.prepare("SELECT id, package_id, IFNULL(router_id, 0) FROM customers ORDER BY id"));
    while (TRY(statement.step())) {
        const std::int64_t id = statement.column_int(0);
        if (id < 0 || id > 100'000'000) continue;
        if (static_cast<std::size_t>(id) >= placements.size()) placements.resize(static_cast<std::size_t>(id) + 1);
        placements[static_cast<std::size_t>(id)] = {statement.column_int(1), statement.column_int(2)};
    }
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
    auto statement = TRY(db.prepare(
        "SELECT period, customer_id, status = 'void', total, paid_amount FROM invoices WHERE period BETWEEN ?1 AND ?2"));
    statement.bind(1, to_string(range.from)).bind(2, to_string(range.to));
    using Key = std::tuple<int, std::int64_t, std::int64_t, bool>;
    std::map<Key, reports::InvoiceGroup> groups;
    while (TRY(statement.step())) {
        Placement placement;
        if (by_customer)
            if (const std::int64_t customer = statement.column_int(1); customer >= 0 && static_cast<std::size_t>(customer) < placements.size())
                placement = placements[static_cast<std::size_t>(customer)];
        const int month = period_index(statement.column_text_view(0));
        if (month < 0) continue;
        auto [group, inserted] = groups.try_emplace(Key{month, placement.package_id, placement.router_id, statement.column_int(2) != 0});
        if (inserted) group->second = {Period{month / 12, month % 12 + 1}, placement.package_id, placement.router_id, std::get<3>(group->first)};
        group->second.count += 1;
        group->second.billed += statement.column_int(3);
        group->second.paid += statement.column_int(4);
    }
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
    auto statement = TRY(db.prepare(
        "SELECT customer_id, due_date, total - paid_amount FROM invoices WHERE status IN ('unpaid','partial')"));
    while (TRY(statement.step())) {
        std::string due = statement.column_text(1);
        const Money outstanding = statement.column_int(2);
        auto& day = by_due[due];
        day.count += 1;
        day.outstanding += outstanding;
        auto& owed = by_customer[statement.column_int(0)];
        owed.outstanding += outstanding;
        owed.invoices += 1;
        if (owed.oldest_due.empty() || due < owed.oldest_due) owed.oldest_due = std::move(due);
    }
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
    auto customer = TRY(db.prepare("SELECT service_number, name FROM customers WHERE id = ?1"));
    for (std::size_t i = 0; i < top; ++i) {
        customer.reset();
        customer.bind(1, ranked[i].first);
        std::string service_number, name;
        if (TRY(customer.step())) service_number = customer.column_text(0), name = customer.column_text(1);
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
    auto payment_query = TRY(context.db.prepare(
        "SELECT (paid_at + ?3) / 86400, method, amount, applied_amount FROM payments WHERE paid_at >= ?1 AND paid_at < ?2"));
    payment_query.bind(1, start).bind(2, end).bind(3, offset_seconds);
    while (TRY(payment_query.step())) {
        auto [group, inserted] = payment_groups.try_emplace({payment_query.column_int(0), methods.code(payment_query.column_text_view(1))});
        if (inserted) group->second = {civil_from_days(group->first.first), methods.text(group->first.second)};
        group->second.count += 1;
        group->second.received += payment_query.column_int(2);
        group->second.applied += payment_query.column_int(3);
    }
    std::vector<reports::PaymentGroup> payments;
    for (auto& [key, group] : payment_groups) payments.push_back(std::move(group));

    std::map<std::pair<std::int64_t, int>, reports::GatewayGroup> gateway_groups;
    auto gateway_query = TRY(context.db.prepare(
        "SELECT (p.paid_at + ?3) / 86400, g.gateway, p.applied_amount FROM payments p "
        "JOIN gateway_transactions g ON g.payment_id = p.id WHERE p.method = 'gateway' AND p.paid_at >= ?1 AND p.paid_at < ?2"));
    gateway_query.bind(1, start).bind(2, end).bind(3, offset_seconds);
    while (TRY(gateway_query.step())) {
        auto [group, inserted] = gateway_groups.try_emplace({gateway_query.column_int(0), gateway_names.code(gateway_query.column_text_view(1))});
        if (inserted) group->second = {civil_from_days(group->first.first), gateway_names.text(group->first.second)};
        group->second.count += 1;
        group->second.applied += gateway_query.column_int(2);
    }
    std::vector<reports::GatewayGroup> gateways;
    for (auto& [key, group] : gateway_groups) gateways.push_back(std::move(group));

    // A late fee counts as collected when its invoice is paid in full (payments settle the
    // package first), on the day the invoice became paid.
    std::vector<reports::LateFeeGroup> late_fees;
    auto late_fee_query = TRY(context.db.prepare(
        "SELECT (i.paid_at + ?3) / 86400, SUM(l.amount) FROM invoice_lines l CROSS JOIN invoices i ON i.id = l.invoice_id "
        "WHERE l.kind = 'late_fee' AND i.status = 'paid' AND i.paid_at >= ?1 AND i.paid_at < ?2 GROUP BY 1"));
    late_fee_query.bind(1, start).bind(2, end).bind(3, offset_seconds);
    while (TRY(late_fee_query.step())) late_fees.push_back({civil_from_days(late_fee_query.column_int(0)), late_fee_query.column_int(1)});

    return reports::revenue_report(range, invoices, payments, gateways, late_fees, TRY(load_labels(context.db)));
}

Result<reports::CustomerReport> customer_report(app::Context& context, const reports::MonthRange& range) {
    // A customer's leaving day is the day their row last changed while inactive or terminated
    // (deactivation is the last change a departed customer normally gets).
    std::vector<reports::CustomerGroup> customers;
    auto customer_query = TRY(context.db.prepare(
        "SELECT package_id, IFNULL(router_id, 0), status, join_date, "
        "CASE WHEN status IN ('inactive','terminated') THEN date(updated_at, ?1) ELSE '' END, COUNT(*) "
        "FROM customers GROUP BY 1, 2, 3, 4, 5"));
    customer_query.bind(1, std::to_string(context.offset.minutes) + " minutes");
    while (TRY(customer_query.step())) {
        reports::CustomerGroup group{customer_query.column_int(0), customer_query.column_int(1), customer_query.column_text(2),
                                     date_from_text(customer_query.column_text(3))};
        const std::string left_on = customer_query.column_text(4);
        group.left = !left_on.empty();
        if (group.left) group.left_on = date_from_text(left_on);
        group.count = customer_query.column_int(5);
        customers.push_back(group);
    }
    const auto [start, end] = unix_bounds(context, range);
    std::vector<reports::IsolationGroup> isolations;
    auto isolation_query = TRY(context.db.prepare(
        "SELECT strftime('%Y-%m', at + ?3, 'unixepoch'), COUNT(DISTINCT customer_id) FROM isolation_log "
        "WHERE action = 'isolate' AND result IN ('applied','pending') AND at >= ?1 AND at < ?2 GROUP BY 1"));
    isolation_query.bind(1, start).bind(2, end).bind(3, std::int64_t{context.offset.minutes} * 60);
    while (TRY(isolation_query.step()))
        isolations.push_back({period_from_text(isolation_query.column_text(0)), isolation_query.column_int(1)});
    return reports::customer_report(range, customers, isolations, TRY(load_labels(context.db)));
}

Result<reports::BillingReport> billing_report(app::Context& context, const reports::MonthRange& range) {
    const auto invoices = TRY(load_invoice_groups(context.db, range, false));
    auto open = TRY(load_open_invoices(context.db));

    std::vector<reports::SubscriptionGroup> subscriptions;
    auto subscription_query = TRY(context.db.prepare(
        "SELECT p.price, COUNT(*) FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "WHERE c.status IN ('active','isolated') GROUP BY c.package_id"));
    while (TRY(subscription_query.step())) subscriptions.push_back({subscription_query.column_int(0), subscription_query.column_int(1)});

    return reports::billing_report(range, context.today(), invoices, open.by_due_date, subscriptions, std::move(open.top_debtors));
}

}  // namespace kimonet::services
