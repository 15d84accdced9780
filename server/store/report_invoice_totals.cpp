// invoice_totals and open_invoice_totals (report_totals.hpp): folds on SQLite; on PostgreSQL the
// running totals of migration 0055 and GROUP BY.
#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "store/report_totals.hpp"
#include "store/sqlite_fold.hpp"

namespace kimonet::store {

namespace {

// Customer ids are dense; above this one a customer is counted without its package and router
// rather than growing the lookup vector without bound.
constexpr std::int64_t kMaxDenseCustomerId = 100'000'000;

// "2026-01" → months since year 0, read in place (no string per row); -1 when malformed.
int month_number(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return -1;
    int number = 0;
    for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
        if (text[i] < '0' || text[i] > '9') return -1;
        number = number * 10 + (text[i] - '0');
    }
    const int year = number / 100, month = number % 100;
    return month >= 1 && month <= 12 ? year * 12 + month - 1 : -1;
}

int month_number(const Period& period) { return period.year * 12 + period.month - 1; }

// "2026-01-20" → 20260120, read in place; 0 when malformed (grouped apart, shown as no date).
int day_key(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return 0;
    int key = 0;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return 0;
        key = key * 10 + (text[i] - '0');
    }
    return key;
}

std::string day_text(int key) {
    if (key == 0) return {};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
    return text;
}

struct InvoiceCell {
    std::int64_t count = 0;
    Money billed = 0;
    Money paid = 0;
};

// Every customer's package and router as a small number (0 = none), so an invoice finds its
// group by two vector lookups.
struct CustomerPlacements {
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs{{0, 0}};  // number → (package, router)
    std::vector<std::uint32_t> of_customer;                            // customer id → number
    std::uint32_t of(std::int64_t customer_id) const {
        return customer_id >= 0 && static_cast<std::size_t>(customer_id) < of_customer.size() ? of_customer[static_cast<std::size_t>(customer_id)] : 0;
    }
};

Result<CustomerPlacements> load_customer_placements(Database& db) {
    CustomerPlacements placements;
    std::map<std::pair<std::int64_t, std::int64_t>, std::uint32_t> numbers;
    auto statement = TRY(db.prepare("SELECT kimonet_fold(id, package_id, COALESCE(router_id, 0)) FROM customers"));
    TRY_VOID(fold_rows(statement, [&](const FoldRow& row) {
        const std::int64_t id = row.integer(0);
        if (id < 0 || id > kMaxDenseCustomerId) return;
        const auto [number, added] = numbers.try_emplace({row.integer(1), row.integer(2)}, static_cast<std::uint32_t>(placements.pairs.size()));
        if (added) placements.pairs.push_back(number->first);
        if (static_cast<std::size_t>(id) >= placements.of_customer.size()) placements.of_customer.resize(static_cast<std::size_t>(id) + 1, 0);
        placements.of_customer[static_cast<std::size_t>(id)] = number->second;
    }));
    return placements;
}

Result<std::vector<reports::InvoiceGroup>> sqlite_invoice_totals(Database& db, const Period& from, const Period& to, bool by_placement) {
    const int first = month_number(from), months = month_number(to) - first + 1;
    if (months <= 0) return std::vector<reports::InvoiceGroup>();
    const CustomerPlacements placements = by_placement ? TRY(load_customer_placements(db)) : CustomerPlacements{};
    const std::size_t width = placements.pairs.size();
    std::vector<InvoiceCell> cells(static_cast<std::size_t>(months) * width * 2);  // [month][placement][voided]
    bool voided = false;
    const FoldVisit visit = [&](const FoldRow& row) {
        const int month = month_number(row.text(0)) - first;
        if (month < 0 || month >= months) return;
        const std::size_t placement = by_placement && !voided ? placements.of(row.integer(1)) : 0;
        InvoiceCell& cell = cells[(static_cast<std::size_t>(month) * width + placement) * 2 + (voided ? 1 : 0)];
        cell.count += 1;
        cell.billed += row.integer(2);
        cell.paid += row.integer(3);
    };
    // Live invoices and voided ones, each from its partial covering index (invoices_period_billed,
    // invoices_period_voided: migration 0050).
    auto live = TRY(db.prepare("SELECT kimonet_fold(period, customer_id, total, paid_amount) FROM invoices "
                               "WHERE status <> 'void' AND period BETWEEN ?1 AND ?2"));
    live.bind(1, to_string(from)).bind(2, to_string(to));
    TRY_VOID(fold_rows(live, visit));
    voided = true;
    auto dead = TRY(db.prepare("SELECT kimonet_fold(period, 0, total, paid_amount) FROM invoices "
                               "WHERE status = 'void' AND period BETWEEN ?1 AND ?2"));
    dead.bind(1, to_string(from)).bind(2, to_string(to));
    TRY_VOID(fold_rows(dead, visit));

    std::vector<reports::InvoiceGroup> rows;
    for (std::size_t index = 0; index < cells.size(); ++index) {
        const InvoiceCell& cell = cells[index];
        if (cell.count == 0) continue;
        const int month = first + static_cast<int>(index / (width * 2));
        const auto& [package_id, router_id] = placements.pairs[index / 2 % width];
        rows.push_back({Period{month / 12, month % 12 + 1}, package_id, router_id, index % 2 == 1, cell.count, cell.billed, cell.paid});
    }
    return rows;
}

// The running totals of migration 0055 (postgresql/0055_invoice_period_totals.sql), summed per
// group; a group every row of which cancels out (a customer who moved away) is left out. Read only:
// the report_totals job folds the log (a report never waits for the writer lock).
Result<std::vector<reports::InvoiceGroup>> postgresql_invoice_totals(Database& db, const Period& from, const Period& to, bool by_placement) {
    auto statement = TRY(db.prepare(
        by_placement ? "SELECT period, package_id, router_id, CASE WHEN voided THEN 1 ELSE 0 END, SUM(invoices), SUM(billed), SUM(paid) "
                       "FROM invoice_period_totals WHERE period BETWEEN ?1 AND ?2 GROUP BY period, package_id, router_id, voided"
                     : "SELECT period, 0, 0, CASE WHEN voided THEN 1 ELSE 0 END, SUM(invoices), SUM(billed), SUM(paid) "
                       "FROM invoice_period_totals WHERE period BETWEEN ?1 AND ?2 GROUP BY period, voided"));
    statement.bind(1, to_string(from)).bind(2, to_string(to));
    std::vector<reports::InvoiceGroup> rows;
    while (TRY(statement.step())) {
        const std::int64_t count = statement.column_int(4);
        const Money billed = statement.column_int(5), paid = statement.column_int(6);
        if (count == 0 && billed == 0 && paid == 0) continue;
        if (auto period = parse_period(statement.column_text_view(0)))
            rows.push_back({*period, statement.column_int(1), statement.column_int(2), statement.column_int(3) == 1, count, billed, paid});
    }
    return rows;
}

Result<OpenInvoiceTotals> sqlite_open_invoice_totals(Database& db, std::size_t debtors) {
    struct Owed {
        Money outstanding = 0;
        std::int64_t invoices = 0;
        int oldest_due = 0;
    };
    std::unordered_map<int, DueDateTotalsRow> by_due;
    std::unordered_map<std::int64_t, Owed> by_customer;
    auto statement = TRY(db.prepare("SELECT kimonet_fold(customer_id, due_date, total - paid_amount) FROM invoices WHERE status IN ('unpaid','partial')"));
    TRY_VOID(fold_rows(statement, [&](const FoldRow& row) {
        const int due = day_key(row.text(1));
        const Money outstanding = row.integer(2);
        DueDateTotalsRow& day = by_due[due];
        day.count += 1;
        day.outstanding += outstanding;
        Owed& owed = by_customer[row.integer(0)];
        owed.outstanding += outstanding;
        owed.invoices += 1;
        if (due != 0 && (owed.oldest_due == 0 || due < owed.oldest_due)) owed.oldest_due = due;
    }));
    OpenInvoiceTotals totals;
    std::vector<int> days;
    for (const auto& [due, group] : by_due) days.push_back(due);
    std::sort(days.begin(), days.end());
    for (int due : days) {
        totals.by_due_date.push_back(by_due[due]);
        totals.by_due_date.back().due_date = day_text(due);
    }
    std::vector<std::pair<std::int64_t, const Owed*>> ranked;
    ranked.reserve(by_customer.size());
    for (const auto& [customer_id, owed] : by_customer) ranked.emplace_back(customer_id, &owed);
    const auto worse = [](const auto& a, const auto& b) {
        if (a.second->outstanding != b.second->outstanding) return a.second->outstanding > b.second->outstanding;
        if (a.second->oldest_due != b.second->oldest_due) return a.second->oldest_due < b.second->oldest_due;
        return a.first < b.first;
    };
    const std::size_t top = std::min(debtors, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end(), worse);
    for (std::size_t i = 0; i < top; ++i)
        totals.top_debtors.push_back({ranked[i].first, ranked[i].second->outstanding, ranked[i].second->invoices, day_text(ranked[i].second->oldest_due)});
    return totals;
}

Result<OpenInvoiceTotals> postgresql_open_invoice_totals(Database& db, std::size_t debtors) {
    OpenInvoiceTotals totals;
    auto by_due = TRY(db.prepare("SELECT due_date, COUNT(*), SUM(total - paid_amount) FROM invoices WHERE status IN ('unpaid','partial') "
                                 "GROUP BY due_date ORDER BY due_date"));
    while (TRY(by_due.step())) totals.by_due_date.push_back({by_due.column_text(0), by_due.column_int(1), by_due.column_int(2)});
    auto top = TRY(db.prepare("SELECT customer_id, SUM(total - paid_amount), COUNT(*), MIN(due_date) FROM invoices "
                              "WHERE status IN ('unpaid','partial') GROUP BY customer_id ORDER BY 2 DESC, 4, 1 LIMIT ?1"));
    top.bind(1, static_cast<std::int64_t>(debtors));
    while (TRY(top.step())) totals.top_debtors.push_back({top.column_int(0), top.column_int(1), top.column_int(2), top.column_text(3)});
    return totals;
}

}  // namespace

Result<std::vector<reports::InvoiceGroup>> invoice_totals(Database& db, const Period& from, const Period& to, bool by_placement) {
    return db.engine() == Engine::Sqlite ? sqlite_invoice_totals(db, from, to, by_placement) : postgresql_invoice_totals(db, from, to, by_placement);
}

Result<FoldedTotals> fold_invoice_period_totals(Database& db) {
    if (db.engine() != Engine::Postgresql) return FoldedTotals{};
    auto statement = TRY(db.prepare(
        "WITH loose AS (SELECT period, package_id, router_id, voided FROM invoice_period_totals GROUP BY period, package_id, router_id, voided "
        "HAVING COUNT(*) > 1 OR (SUM(invoices) = 0 AND SUM(billed) = 0 AND SUM(paid) = 0)), "
        "gone AS (DELETE FROM invoice_period_totals t USING loose l WHERE t.period = l.period AND t.package_id = l.package_id "
        "AND t.router_id = l.router_id AND t.voided = l.voided RETURNING t.*), "
        "kept AS (INSERT INTO invoice_period_totals SELECT period, package_id, router_id, voided, SUM(invoices), SUM(billed), SUM(paid) FROM gone "
        "GROUP BY period, package_id, router_id, voided HAVING SUM(invoices) <> 0 OR SUM(billed) <> 0 OR SUM(paid) <> 0 RETURNING 1) "
        "SELECT (SELECT COUNT(*) FROM gone), (SELECT COUNT(*) FROM kept)"));
    TRY(statement.step());
    return FoldedTotals{statement.column_int(0), statement.column_int(1)};
}

Result<OpenInvoiceTotals> open_invoice_totals(Database& db, std::size_t debtors) {
    return db.engine() == Engine::Sqlite ? sqlite_open_invoice_totals(db, debtors) : postgresql_open_invoice_totals(db, debtors);
}

}  // namespace kimonet::store
