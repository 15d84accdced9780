#include "store/report_store.hpp"

#include <algorithm>

#include "store/sqlite_fold.hpp"

namespace kimonet::store {

Result<PackageAndRouterNames> list_package_and_router_names(Database& db) {
    PackageAndRouterNames names;
    auto packages = TRY(db.prepare("SELECT id, name FROM internet_packages"));
    while (TRY(packages.step())) names.packages[packages.column_int(0)] = packages.column_text(1);
    auto routers = TRY(db.prepare("SELECT id, name FROM routers"));
    while (TRY(routers.step())) names.routers[routers.column_int(0)] = routers.column_text(1);
    return names;
}

Result<std::optional<CustomerLabel>> find_customer_label(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare("SELECT service_number, name FROM customers WHERE id = ?1"));
    statement.bind(1, customer_id);
    if (!TRY(statement.step())) return std::optional<CustomerLabel>();
    return std::optional<CustomerLabel>(CustomerLabel{statement.column_text(0), statement.column_text(1)});
}

Result<std::vector<LateFeeDayRow>> list_collected_late_fees(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    // CROSS JOIN keeps SQLite's join order (the rare late-fee lines first, through their partial
    // index); the join condition sits in WHERE because PostgreSQL refuses ON after CROSS JOIN.
    // PostgreSQL looks each line's invoice up in invoices_paid_day (0053, index-only) rather than
    // hash-joining the lines to a scan of every invoice.
    // One row per invoice with its credit notes' total, folded per day here. Credit notes are few:
    // their totals per invoice are grouped once and joined (a hash on PostgreSQL), rather than
    // looked up by a subquery once per invoice with a late fee (~100,000 lookups in bench_reports).
    auto statement = TRY(db.prepare(
        "SELECT (i.paid_at + ?3) / 86400, SUM(l.amount), COALESCE(MAX(n.total), 0) "
        "FROM invoice_lines l CROSS JOIN invoices i "
        "LEFT JOIN (SELECT invoice_id, SUM(amount) AS total FROM credit_notes GROUP BY invoice_id) n ON n.invoice_id = i.id "
        "WHERE i.id = l.invoice_id AND l.kind = 'late_fee' AND i.status = 'paid' AND i.paid_at >= ?1 AND i.paid_at < ?2 GROUP BY 1, i.id "
        "ORDER BY 1"));
    statement.bind(1, start).bind(2, end).bind(3, offset_seconds);
    std::vector<LateFeeDayRow> out;
    while (TRY(statement.step())) {
        const Money collected = std::max<Money>(0, statement.column_int(1) - statement.column_int(2));
        if (collected == 0) continue;
        if (out.empty() || out.back().local_day != statement.column_int(0)) out.push_back({statement.column_int(0), 0});
        out.back().amount += collected;
    }
    return out;
}

Result<std::vector<RefundDayRow>> list_refunds_by_day(Database& db, std::int64_t start, std::int64_t end, std::int64_t offset_seconds) {
    auto statement = TRY(db.prepare("SELECT (refunded_at + ?3) / 86400, COUNT(*), SUM(amount) FROM refunds "
                                    "WHERE refunded_at >= ?1 AND refunded_at < ?2 GROUP BY 1 ORDER BY 1"));
    statement.bind(1, start).bind(2, end).bind(3, offset_seconds);
    std::vector<RefundDayRow> out;
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_int(1), statement.column_int(2)});
    return out;
}

Result<std::vector<CustomerStatusGroupRow>> list_customer_status_groups(Database& db) {
    // The minute (not the second) keeps the groups few; every UTC offset is whole minutes, so the
    // local day of the minute is the local day of the instant. The caller shifts it to local time.
    auto statement = TRY(db.prepare(
        "SELECT package_id, COALESCE(router_id, 0), status, join_date, "
        "CASE WHEN status IN ('inactive','terminated') THEN SUBSTR(updated_at, 1, 16) ELSE '' END, COUNT(*) FROM customers "
        "GROUP BY package_id, COALESCE(router_id, 0), status, join_date, "
        "CASE WHEN status IN ('inactive','terminated') THEN SUBSTR(updated_at, 1, 16) ELSE '' END"));
    std::vector<CustomerStatusGroupRow> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_int(1), statement.column_text(2), statement.column_text(3),
                       statement.column_text(4), statement.column_int(5)});
    return out;
}

Result<std::int64_t> count_isolated_customers(Database& db, std::int64_t start, std::int64_t end) {
    // Reads the partial index isolation_log_isolate_at (at, customer_id) WHERE action = 'isolate'.
    auto statement = TRY(db.prepare(
        "SELECT COUNT(DISTINCT customer_id) FROM isolation_log "
        "WHERE action = 'isolate' AND result IN ('applied','pending') AND at >= ?1 AND at < ?2"));
    statement.bind(1, start).bind(2, end);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<std::vector<SubscriptionPriceRow>> list_subscriptions_by_price(Database& db) {
    std::vector<SubscriptionPriceRow> out;
    if (db.engine() == Engine::Sqlite) {
        // Counted in C++ from inside SQLite's scan (sqlite_fold.hpp): its GROUP BY would sort every
        // subscriber first (bench_reports: 0.035 s against 0.010 s for 100,000 customers).
        std::map<std::int64_t, std::int64_t> per_package;
        auto subscribers = TRY(db.prepare("SELECT kimonet_fold(package_id) FROM customers WHERE status IN ('active','isolated')"));
        TRY_VOID(fold_rows(subscribers, [&](const FoldRow& row) { ++per_package[row.integer(0)]; }));
        auto prices = TRY(db.prepare("SELECT id, price FROM internet_packages"));
        while (TRY(prices.step()))
            if (auto found = per_package.find(prices.column_int(0)); found != per_package.end()) out.push_back({prices.column_int(1), found->second});
        return out;
    }
    auto statement = TRY(db.prepare(
        "SELECT p.price, COUNT(*) FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "WHERE c.status IN ('active','isolated') GROUP BY c.package_id, p.price"));
    while (TRY(statement.step())) out.push_back({statement.column_int(0), statement.column_int(1)});
    return out;
}

}  // namespace kimonet::store
