#include "store/bank_statement_store.hpp"

namespace kimonet::store {

Result<std::unordered_set<Money>> open_transfer_amounts(Database& db) {
    auto statement = TRY(db.prepare(
        "SELECT total + unique_code FROM invoices WHERE unique_code > 0 AND status IN ('unpaid','partial')"));
    std::unordered_set<Money> amounts;
    while (TRY(statement.step())) amounts.insert(statement.column_int(0));
    return amounts;
}

Result<void> set_invoice_unique_code(Database& db, std::int64_t invoice_id, Money code) {
    auto statement = TRY(db.prepare("UPDATE invoices SET unique_code = ? WHERE id = ?"));
    statement.bind(1, code).bind(2, invoice_id);
    return statement.run();
}

Result<std::optional<std::int64_t>> find_invoice_id_by_number(Database& db, const std::string& invoice_no) {
    auto statement = TRY(db.prepare("SELECT id FROM invoices WHERE invoice_no = ? OR UPPER(invoice_no) = UPPER(?) ORDER BY id LIMIT 1"));
    statement.bind(1, invoice_no).bind(2, invoice_no);
    if (!TRY(statement.step())) return std::optional<std::int64_t>();
    const std::int64_t id = statement.column_int(0);
    statement.reset();
    return std::optional<std::int64_t>(id);
}

Result<Money> invoice_unique_code(Database& db, std::int64_t invoice_id) {
    auto statement = TRY(db.prepare("SELECT unique_code FROM invoices WHERE id = ?"));
    statement.bind(1, invoice_id);
    if (!TRY(statement.step())) return Money{0};
    const Money code = statement.column_int(0);
    statement.reset();
    return code;
}

Result<std::vector<payments::OpenInvoice>> open_invoices_for_matching(Database& db) {
    auto statement = TRY(db.prepare(
        "SELECT i.id, i.invoice_no, i.customer_id, c.service_number, c.name, i.total - i.paid_amount, i.unique_code "
        "FROM invoices i JOIN customers c ON c.id = i.customer_id "
        "WHERE i.status IN ('unpaid','partial') AND i.total > i.paid_amount ORDER BY i.due_date, i.id"));
    std::vector<payments::OpenInvoice> invoices;
    while (TRY(statement.step()))
        invoices.push_back(payments::OpenInvoice{statement.column_int(0), statement.column_text(1), statement.column_int(2),
                                                 statement.column_text(3), statement.column_text(4), statement.column_int(5),
                                                 statement.column_int(6)});
    return invoices;
}

Result<std::optional<std::int64_t>> insert_statement_line(Database& db, const StatementLineRow& line) {
    auto statement = TRY(db.prepare(
        "INSERT INTO bank_statement_lines(line_key, bank, account, posted_on, amount, description, balance, reference, file_row, "
        "status, match_rule, review_reason, suggested_invoice_id, imported_at, imported_by) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(line_key) DO NOTHING RETURNING id"));
    statement.bind(1, line.line_key)
        .bind(2, line.bank)
        .bind(3, line.account)
        .bind(4, line.posted_on)
        .bind(5, line.amount)
        .bind(6, line.description)
        .bind(7, line.balance)
        .bind(8, line.reference)
        .bind(9, line.file_row)
        .bind(10, line.status)
        .bind(11, line.match_rule)
        .bind(12, line.review_reason)
        .bind(13, line.suggested_invoice_id)
        .bind(14, line.imported_at)
        .bind(15, line.imported_by);
    if (!TRY(statement.step())) return std::optional<std::int64_t>();
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return std::optional<std::int64_t>(id);
}

Result<bool> same_line_stored_otherwise(Database& db, const StatementLineRow& line) {
    if (line.balance.empty()) return false;
    auto statement = TRY(db.prepare(
        "SELECT 1 FROM bank_statement_lines WHERE bank = ? AND account = ? AND posted_on = ? AND amount = ? AND balance = ? "
        "AND line_key <> ? LIMIT 1"));
    statement.bind(1, line.bank).bind(2, line.account).bind(3, line.posted_on).bind(4, line.amount).bind(5, line.balance).bind(6, line.line_key);
    const bool found = TRY(statement.step());
    statement.reset();
    return found;
}

Result<void> resolve_statement_line(Database& db, std::int64_t id, const std::string& status, const std::string& match_rule,
                                    std::optional<std::int64_t> invoice_id, std::optional<std::int64_t> payment_id,
                                    const std::string& note, std::int64_t at, const std::string& by) {
    auto statement = TRY(db.prepare(
        "UPDATE bank_statement_lines SET status = ?, match_rule = ?, invoice_id = ?, payment_id = ?, note = ?, resolved_at = ?, "
        "resolved_by = ? WHERE id = ?"));
    statement.bind(1, status).bind(2, match_rule).bind(3, invoice_id).bind(4, payment_id).bind(5, note).bind(6, at).bind(7, by).bind(8, id);
    return statement.run();
}

namespace {

constexpr const char* kLineColumns =
    "l.id, l.line_key, l.bank, l.account, l.posted_on, l.amount, l.description, l.balance, l.reference, l.file_row, l.status, "
    "l.match_rule, l.review_reason, l.suggested_invoice_id, l.invoice_id, l.payment_id, l.note, l.imported_at, l.imported_by, "
    "l.resolved_at, l.resolved_by, COALESCE(i.invoice_no, ''), COALESCE(c.name, ''), COALESCE(c.service_number, '')";
constexpr const char* kLineJoins =
    " FROM bank_statement_lines l LEFT JOIN invoices i ON i.id = COALESCE(l.invoice_id, l.suggested_invoice_id) "
    "LEFT JOIN customers c ON c.id = i.customer_id";

StatementLineRow line_from_row(const Statement& row) {
    StatementLineRow line;
    line.id = row.column_int(0);
    line.line_key = row.column_text(1);
    line.bank = row.column_text(2);
    line.account = row.column_text(3);
    line.posted_on = row.column_text(4);
    line.amount = row.column_int(5);
    line.description = row.column_text(6);
    line.balance = row.column_text(7);
    line.reference = row.column_text(8);
    line.file_row = row.column_int(9);
    line.status = row.column_text(10);
    line.match_rule = row.column_text(11);
    line.review_reason = row.column_text(12);
    line.suggested_invoice_id = row.column_optional_int(13);
    line.invoice_id = row.column_optional_int(14);
    line.payment_id = row.column_optional_int(15);
    line.note = row.column_text(16);
    line.imported_at = row.column_int(17);
    line.imported_by = row.column_text(18);
    line.resolved_at = row.column_optional_int(19);
    line.resolved_by = row.column_text(20);
    line.invoice_no = row.column_text(21);
    line.customer_name = row.column_text(22);
    line.service_number = row.column_text(23);
    return line;
}

}  // namespace

Result<std::optional<StatementLineRow>> find_statement_line(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kLineColumns + kLineJoins + " WHERE l.id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<StatementLineRow>();
    auto line = line_from_row(statement);
    statement.reset();
    return std::optional<StatementLineRow>(std::move(line));
}

Result<StatementLinePage> list_statement_lines(Database& db, const std::string& status, int page, int per_page) {
    const std::string where = status.empty() ? std::string() : std::string(" WHERE l.status = :status");
    StatementLinePage result;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM bank_statement_lines l" + where));
    count.bind_named(":status", status);
    TRY(count.step());
    result.total = count.column_int(0);
    count.reset();
    auto rows = TRY(db.prepare(std::string("SELECT ") + kLineColumns + kLineJoins + where + " ORDER BY l.id DESC LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", status);
    rows.bind_named(":limit", std::int64_t{per_page});
    rows.bind_named(":offset", std::int64_t{page - 1} * per_page);
    while (TRY(rows.step())) result.rows.push_back(line_from_row(rows));
    return result;
}

}  // namespace kimonet::store
