#include "store/invoice_run_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kBillingRowSelect =
    "SELECT c.id, c.join_date, c.due_day, p.name, p.price, COALESCE(cc.balance, 0), "
    "CASE WHEN EXISTS(SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.period = :period AND i.kind = 'monthly') THEN 1 ELSE 0 END "
    "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
    "LEFT JOIN customer_credit cc ON cc.customer_id = c.id ";
// The same without the per-customer EXISTS: batches look up existing invoices with one range scan.
constexpr const char* kBatchRowSelect =
    "SELECT c.id, c.join_date, c.due_day, p.name, p.price, COALESCE(cc.balance, 0), 0 "
    "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
    "LEFT JOIN customer_credit cc ON cc.customer_id = c.id ";

BillingRow read_row(const Statement& row) {
    BillingRow out;
    out.customer_id = row.column_int(0);
    out.join_date = parse_date(row.column_text(1)).value_or(Date{});
    if (auto due = row.column_optional_int(2)) out.due_day = static_cast<int>(*due);
    out.package_name = row.column_text(3);
    out.package_price = row.column_int(4);
    out.credit = row.column_int(5);
    out.already_invoiced = row.column_int(6) != 0;
    return out;
}

void bind_joined(Statement& statement, const std::optional<JoinedBetween>& joined) {
    if (!joined) return;
    statement.bind_named(":first", to_string(joined->first));
    statement.bind_named(":last", to_string(joined->last));
}

}  // namespace

Result<std::vector<BillingRow>> read_billing_batch(Database& db, const Period& period, const std::optional<JoinedBetween>& joined,
                                                   std::int64_t after, int limit) {
    // Per engine: on SQLite "+c.status" keeps the planner on the rowid order instead of the
    // status index, so each batch is a range scan rather than a sort of every billable customer;
    // PostgreSQL has no such hint (unary + on text is an error) and plans the range scan itself.
    const bool sqlite = db.engine() == Engine::Sqlite;
    std::string sql = std::string(kBatchRowSelect) + (sqlite ? "WHERE +c.status" : "WHERE c.status") + " IN ('active','isolated') AND c.id > :after ";
    if (joined) sql += "AND c.join_date BETWEEN :first AND :last ";
    sql += "ORDER BY c.id LIMIT :limit";
    auto statement = TRY(db.prepare(sql));
    statement.bind_named(":after", after);
    bind_joined(statement, joined);
    statement.bind_named(":limit", std::int64_t{limit});
    std::vector<BillingRow> rows;
    while (TRY(statement.step())) rows.push_back(read_row(statement));
    if (rows.empty()) return rows;
    // Customers of this id range already invoiced for the period, in id order like `rows`.
    // Per engine: "INDEXED BY invoices_monthly" pins SQLite's plan to the partial
    // (customer_id, period) index of monthly invoices; PostgreSQL has no such clause.
    auto existing = TRY(db.prepare(std::string("SELECT customer_id FROM invoices ") + (sqlite ? "INDEXED BY invoices_monthly " : "") +
                                   "WHERE kind = 'monthly' AND period = ? AND customer_id BETWEEN ? AND ? ORDER BY customer_id"));
    existing.bind(1, to_string(period)).bind(2, rows.front().customer_id).bind(3, rows.back().customer_id);
    std::size_t next = 0;
    while (TRY(existing.step())) {
        const std::int64_t customer_id = existing.column_int(0);
        while (next < rows.size() && rows[next].customer_id < customer_id) ++next;
        if (next < rows.size() && rows[next].customer_id == customer_id) rows[next].already_invoiced = true;
    }
    return rows;
}

Result<std::int64_t> count_billable_customers(Database& db, const std::optional<JoinedBetween>& joined) {
    std::string sql = "SELECT COUNT(*) FROM customers c WHERE c.status IN ('active','isolated')";
    if (joined) sql += " AND c.join_date BETWEEN :first AND :last";
    auto statement = TRY(db.prepare(sql));
    bind_joined(statement, joined);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<std::optional<BillingRow>> find_billing_row(Database& db, std::int64_t customer_id, const Period& period) {
    auto statement = TRY(db.prepare(std::string(kBillingRowSelect) + "WHERE c.id = :customer AND c.status IN ('active','isolated')"));
    statement.bind_named(":period", to_string(period));
    statement.bind_named(":customer", customer_id);
    if (!TRY(statement.step())) return std::optional<BillingRow>();
    const BillingRow row = read_row(statement);
    TRY_VOID(statement.run());  // finish the read before the caller writes
    return std::optional<BillingRow>(row);
}

Result<std::vector<BillingRow>> find_billing_rows(Database& db, const std::vector<std::int64_t>& customer_ids, const Period& period) {
    std::vector<BillingRow> rows;
    if (customer_ids.empty()) return rows;
    std::string sql = std::string(kBillingRowSelect) + "WHERE c.status IN ('active','isolated') AND c.id IN (";
    for (std::size_t i = 0; i < customer_ids.size(); ++i) sql += i ? ",?" : "?";
    sql += ") ORDER BY c.id";
    auto statement = TRY(db.prepare(sql));
    statement.bind_named(":period", to_string(period));
    for (std::size_t i = 0; i < customer_ids.size(); ++i) statement.bind(static_cast<int>(i) + 2, customer_ids[i]);  // :period is 1
    while (TRY(statement.step())) rows.push_back(read_row(statement));
    return rows;
}


}  // namespace kimonet::store
