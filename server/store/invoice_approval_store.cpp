#include "store/invoice_approval_store.hpp"

#include "store/multi_row_insert.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kRunColumns =
    "id, period, status, prepared_by, prepared_by_name, prepared_at, approved_by, approved_by_name, approved_at, invoice_count, "
    "total_amount, issued_count";

InvoiceRunRow read_run(const Statement& row) {
    InvoiceRunRow run;
    run.id = row.column_int(0);
    run.period = row.column_text(1);
    run.status = row.column_text(2);
    run.prepared_by = row.column_optional_int(3);
    run.prepared_by_name = row.column_text(4);
    run.prepared_at = row.column_int(5);
    run.approved_by = row.column_optional_int(6);
    run.approved_by_name = row.column_text(7);
    run.approved_at = row.column_optional_int(8);
    run.invoice_count = row.column_int(9);
    run.total_amount = row.column_int(10);
    run.issued_count = row.column_int(11);
    return run;
}

constexpr const char* kItemColumns =
    "it.customer_id, it.reason, it.state, it.package_name, it.previous_amount, it.issue_date, it.due_date, it.line_kind, "
    "it.description, it.subtotal, it.tax, it.total, it.tax_rate_bp, it.tax_mode, it.invoice_id, it.line_amount";
constexpr int kItemColumnCount = 16;

InvoiceRunItemRow read_item(const Statement& row) {
    InvoiceRunItemRow item;
    item.customer_id = row.column_int(0);
    item.reason = row.column_text(1);
    item.state = row.column_text(2);
    item.package_name = row.column_text(3);
    item.previous_amount = row.column_optional_int(4);
    item.issue_date = row.column_text(5);
    item.due_date = row.column_text(6);
    item.line_kind = row.column_text(7);
    item.description = row.column_text(8);
    item.subtotal = row.column_int(9);
    item.tax = row.column_int(10);
    item.total = row.column_int(11);
    item.tax_rate_bp = row.column_int(12);
    item.tax_mode = row.column_text(13);
    item.invoice_id = row.column_optional_int(14);
    item.line_amount = row.column_int(15);
    return item;
}

// The WHERE clause of a filtered item list (after "WHERE it.run_id = :run").
std::string filter_clause(const RunItemFilter& filter) {
    std::string sql;
    if (filter.reason) sql += " AND it.reason = :reason";
    if (filter.changes_only) sql += " AND it.reason <> 'same'";
    if (filter.prorated_only) sql += " AND it.line_kind = 'prorated_package'";
    if (filter.state) sql += " AND it.state = :state";
    // Drafts an outage's SLA credit waits for (issue 21), by outage_customers_pending_credit.
    if (filter.outage_credit_only)
        sql += " AND it.state IN ('draft', 'excluded') AND EXISTS (SELECT 1 FROM outage_customers oc WHERE oc.customer_id = it.customer_id "
               "AND oc.credit_amount > 0 AND oc.credit_invoice_id IS NULL)";
    return sql;
}

void bind_filter(Statement& statement, std::int64_t run_id, const RunItemFilter& filter) {
    statement.bind_named(":run", run_id);
    if (filter.reason) statement.bind_named(":reason", *filter.reason);
    if (filter.state) statement.bind_named(":state", *filter.state);
}

// Rows per multi-row INSERT: 17 parameters each, well under both engines' limits.
constexpr std::size_t kInsertChunk = 200;

}  // namespace

Result<std::int64_t> insert_invoice_run(Database& db, const Period& period, std::optional<std::int64_t> prepared_by,
                                        const std::string& prepared_by_name, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO invoice_runs(period, status, prepared_by, prepared_by_name, prepared_at) VALUES (?, 'prepared', ?, ?, ?) RETURNING id"));
    statement.bind(1, to_string(period)).bind(2, prepared_by).bind(3, prepared_by_name).bind(4, now);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    forget_remembered(db);  // find_open_invoice_run's answer for this period
    return id;
}

Result<std::optional<InvoiceRunRow>> find_invoice_run(Database& db, std::int64_t run_id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kRunColumns + " FROM invoice_runs WHERE id = ?"));
    statement.bind(1, run_id);
    if (!TRY(statement.step())) return std::optional<InvoiceRunRow>();
    auto run = read_run(statement);
    TRY_VOID(statement.run());
    return std::optional<InvoiceRunRow>(std::move(run));
}

Result<std::optional<std::int64_t>> find_open_invoice_run(Database& db, const Period& period) {
    // Every paid monthly invoice asks about its next period: remembered for the rest of the write
    // transaction (a batch of gateway callbacks asks once per period); the writers below forget it.
    const std::string memo = "invoice_runs:open:" + to_string(period);
    if (const auto* known = remembered(db, memo)) {
        if (!known->has_value()) return std::optional<std::int64_t>();
        return std::optional<std::int64_t>(std::stoll(**known));
    }
    auto statement = TRY(db.prepare("SELECT id FROM invoice_runs WHERE period = ? AND status <> 'approved'"));
    statement.bind(1, to_string(period));
    std::optional<std::int64_t> id;
    if (TRY(statement.step())) id = statement.column_int(0);
    TRY_VOID(statement.run());
    remember(db, memo, id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt);
    return id;
}

Result<std::vector<InvoiceRunRow>> list_invoice_runs(Database& db, int limit) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kRunColumns + " FROM invoice_runs ORDER BY id DESC LIMIT ?"));
    statement.bind(1, std::int64_t{limit});
    std::vector<InvoiceRunRow> runs;
    while (TRY(statement.step())) runs.push_back(read_run(statement));
    return runs;
}

namespace {

constexpr const char* kItemTarget =
    "invoice_run_items(run_id, customer_id, reason, state, package_name, previous_amount, issue_date, due_date, "
    "line_kind, description, subtotal, tax, total, tax_rate_bp, tax_mode, invoice_id, line_amount)";
constexpr int kItemTargetColumns = 17;

void bind_item(Statement& statement, int at, std::int64_t run_id, const InvoiceRunItemRow& item) {
    statement.bind(at + 1, run_id).bind(at + 2, item.customer_id).bind(at + 3, item.reason).bind(at + 4, item.state);
    statement.bind(at + 5, item.package_name).bind(at + 6, item.previous_amount).bind(at + 7, item.issue_date).bind(at + 8, item.due_date);
    statement.bind(at + 9, item.line_kind).bind(at + 10, item.description).bind(at + 11, item.subtotal).bind(at + 12, item.tax);
    statement.bind(at + 13, item.total).bind(at + 14, item.tax_rate_bp).bind(at + 15, item.tax_mode).bind(at + 16, item.invoice_id);
    statement.bind(at + 17, item.line_amount);
}

}  // namespace

Result<void> insert_invoice_run_items(Database& db, std::int64_t run_id, const std::vector<InvoiceRunItemRow>& items) {
    // Both engines, kInsertChunk rows to a statement (multi_row_insert.hpp says why).
    return insert_rows(db, kItemTarget, kItemTargetColumns, items.size(), kInsertChunk,
                       [&](Statement& statement, int first, std::size_t i) { bind_item(statement, first - 1, run_id, items[i]); });
}

Result<std::int64_t> insert_leaving_items(Database& db, std::int64_t run_id, const Period& previous) {
    auto statement = TRY(db.prepare(
        "INSERT INTO invoice_run_items(run_id, customer_id, reason, state, package_name, previous_amount) "
        "SELECT ?, i.customer_id, 'leaving', 'none', '', i.total FROM invoices i JOIN customers c ON c.id = i.customer_id "
        "WHERE i.kind = 'monthly' AND i.period = ? AND i.status <> 'void' AND c.status NOT IN ('active','isolated')"));
    statement.bind(1, run_id).bind(2, to_string(previous));
    TRY_VOID(statement.run());
    return std::int64_t{db.changes()};
}

Result<std::vector<PreviousInvoiceRow>> read_previous_invoices(Database& db, const Period& previous, std::int64_t first, std::int64_t last) {
    // One range scan of the (customer_id, period) index of monthly invoices, its package line by
    // the line's invoice index. Per engine: "INDEXED BY invoices_monthly" pins SQLite to that range
    // scan (left alone it picked the (period, sequence) index: every invoice of the month read and
    // sorted for each batch, 4x the whole direct run at 300,000 customers); PostgreSQL has no such
    // clause and plans the range scan itself.
    auto statement = TRY(db.prepare(
        std::string("SELECT i.customer_id, i.total, COALESCE(l.kind, ''), COALESCE(l.description, '') FROM invoices i ") +
        (db.engine() == Engine::Sqlite ? "INDEXED BY invoices_monthly " : "") +
        "LEFT JOIN invoice_lines l ON l.invoice_id = i.id AND l.position = 1 AND l.kind IN ('package','prorated_package') "
        "WHERE i.kind = 'monthly' AND i.period = ? AND i.status <> 'void' AND i.customer_id BETWEEN ? AND ? ORDER BY i.customer_id"));
    statement.bind(1, to_string(previous)).bind(2, first).bind(3, last);
    std::vector<PreviousInvoiceRow> rows;
    while (TRY(statement.step()))
        rows.push_back(PreviousInvoiceRow{statement.column_int(0), statement.column_int(1), statement.column_text(2), statement.column_text(3)});
    return rows;
}

Result<void> set_invoice_run_totals(Database& db, std::int64_t run_id, std::int64_t invoice_count, Money total_amount) {
    auto statement = TRY(db.prepare("UPDATE invoice_runs SET invoice_count = ?, total_amount = ? WHERE id = ?"));
    statement.bind(1, invoice_count).bind(2, total_amount).bind(3, run_id);
    return statement.run();
}

Result<std::vector<RunItemGroup>> group_invoice_run_items(Database& db, std::int64_t run_id) {
    auto statement = TRY(db.prepare(
        "SELECT reason, state, CASE WHEN line_kind = 'prorated_package' THEN 1 ELSE 0 END AS prorated, COUNT(*) "
        "FROM invoice_run_items WHERE run_id = ? GROUP BY reason, state, CASE WHEN line_kind = 'prorated_package' THEN 1 ELSE 0 END"));
    statement.bind(1, run_id);
    std::vector<RunItemGroup> groups;
    while (TRY(statement.step()))
        groups.push_back(RunItemGroup{statement.column_text(0), statement.column_text(1), statement.column_int(2) != 0, statement.column_int(3)});
    return groups;
}

Result<std::vector<InvoiceRunItemRow>> list_invoice_run_items(Database& db, std::int64_t run_id, const RunItemFilter& filter) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kItemColumns +
                                    ", COALESCE(c.name, ''), COALESCE(c.service_number, '') FROM invoice_run_items it "
                                    "LEFT JOIN customers c ON c.id = it.customer_id WHERE it.run_id = :run" +
                                    filter_clause(filter) + " ORDER BY it.customer_id LIMIT :limit OFFSET :offset"));
    bind_filter(statement, run_id, filter);
    statement.bind_named(":limit", std::int64_t{filter.per_page});
    statement.bind_named(":offset", std::int64_t{filter.page - 1} * filter.per_page);
    std::vector<InvoiceRunItemRow> items;
    while (TRY(statement.step())) {
        auto item = read_item(statement);
        item.customer_name = statement.column_text(kItemColumnCount);
        item.service_number = statement.column_text(kItemColumnCount + 1);
        items.push_back(std::move(item));
    }
    return items;
}

Result<std::int64_t> count_invoice_run_items(Database& db, std::int64_t run_id, const RunItemFilter& filter) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM invoice_run_items it WHERE it.run_id = :run" + filter_clause(filter)));
    bind_filter(statement, run_id, filter);
    TRY(statement.step());
    const std::int64_t count = statement.column_int(0);
    TRY_VOID(statement.run());
    return count;
}

Result<std::optional<InvoiceRunItemRow>> find_invoice_run_item(Database& db, std::int64_t run_id, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kItemColumns + " FROM invoice_run_items it WHERE it.run_id = ? AND it.customer_id = ?"));
    statement.bind(1, run_id).bind(2, customer_id);
    if (!TRY(statement.step())) return std::optional<InvoiceRunItemRow>();
    auto item = read_item(statement);
    TRY_VOID(statement.run());
    return std::optional<InvoiceRunItemRow>(std::move(item));
}

Result<void> set_invoice_run_item_state(Database& db, std::int64_t run_id, std::int64_t customer_id, const std::string& state) {
    auto statement = TRY(db.prepare("UPDATE invoice_run_items SET state = ? WHERE run_id = ? AND customer_id = ?"));
    statement.bind(1, state).bind(2, run_id).bind(3, customer_id);
    return statement.run();
}

Result<std::vector<ApprovalRow>> read_approval_batch(Database& db, std::int64_t run_id, const Period& period, int limit) {
    auto statement = TRY(db.prepare(
        std::string("SELECT ") + kItemColumns +
        ", CASE WHEN c.status IN ('active','isolated') THEN 1 ELSE 0 END, "
        "CASE WHEN EXISTS(SELECT 1 FROM invoices i WHERE i.customer_id = it.customer_id AND i.period = :period AND i.kind = 'monthly') "
        "THEN 1 ELSE 0 END FROM invoice_run_items it LEFT JOIN customers c ON c.id = it.customer_id "
        "WHERE it.run_id = :run AND it.state = 'draft' ORDER BY it.customer_id LIMIT :limit"));
    statement.bind_named(":period", to_string(period));
    statement.bind_named(":run", run_id);
    statement.bind_named(":limit", std::int64_t{limit});
    std::vector<ApprovalRow> rows;
    while (TRY(statement.step()))
        rows.push_back(ApprovalRow{read_item(statement), statement.column_int(kItemColumnCount) != 0, statement.column_int(kItemColumnCount + 1) != 0});
    return rows;
}

Result<void> mark_invoice_run_items_issued(Database& db, std::int64_t run_id, const Period& period, std::int64_t first, std::int64_t last) {
    auto statement = TRY(db.prepare(
        "UPDATE invoice_run_items SET state = 'issued', invoice_id = (SELECT i.id FROM invoices i WHERE i.customer_id = "
        "invoice_run_items.customer_id AND i.period = ? AND i.kind = 'monthly') "
        "WHERE run_id = ? AND state = 'draft' AND customer_id BETWEEN ? AND ?"));
    statement.bind(1, to_string(period)).bind(2, run_id).bind(3, first).bind(4, last);
    return statement.run();
}

Result<void> add_invoice_run_issued(Database& db, std::int64_t run_id, std::int64_t issued) {
    auto statement = TRY(db.prepare("UPDATE invoice_runs SET issued_count = issued_count + ? WHERE id = ?"));
    statement.bind(1, issued).bind(2, run_id);
    return statement.run();
}

Result<void> set_invoice_run_status(Database& db, std::int64_t run_id, const std::string& status, std::optional<std::int64_t> approved_by,
                                    const std::string& approved_by_name, std::optional<std::int64_t> approved_at) {
    auto statement = TRY(db.prepare("UPDATE invoice_runs SET status = ?, approved_by = ?, approved_by_name = ?, approved_at = ? WHERE id = ?"));
    statement.bind(1, status).bind(2, approved_by).bind(3, approved_by_name).bind(4, approved_at).bind(5, run_id);
    forget_remembered(db);  // find_open_invoice_run's answer
    return statement.run();
}

Result<void> delete_invoice_run(Database& db, std::int64_t run_id) {
    auto items = TRY(db.prepare("DELETE FROM invoice_run_items WHERE run_id = ?"));
    items.bind(1, run_id);
    TRY_VOID(items.run());
    auto run = TRY(db.prepare("DELETE FROM invoice_runs WHERE id = ?"));
    run.bind(1, run_id);
    forget_remembered(db);  // find_open_invoice_run's answer
    return run.run();
}

}  // namespace kimonet::store
