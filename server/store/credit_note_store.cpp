#include "store/credit_note_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kCreditNoteColumns =
    "n.id, n.credit_note_no, n.invoice_id, i.invoice_no, n.customer_id, c.name, c.service_number, n.amount, n.base, n.tax, "
    "n.applied_amount, n.credit_amount, n.reason, n.lines, n.issue_date, n.created_at, n.created_by_name "
    "FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id JOIN customers c ON c.id = n.customer_id";

billing::CreditNote credit_note_from_row(const Statement& row) {
    billing::CreditNote note;
    note.id = row.column_int(0);
    note.credit_note_no = row.column_text(1);
    note.invoice_id = row.column_int(2);
    note.invoice_no = row.column_text(3);
    note.customer_id = row.column_int(4);
    note.customer_name = row.column_text(5);
    note.service_number = row.column_text(6);
    note.figures = billing::CreditNoteFigures{row.column_int(7), row.column_int(8), row.column_int(9), row.column_int(10), row.column_int(11)};
    note.reason = row.column_text(12);
    note.lines = row.column_text(13);
    note.issue_date = parse_date(row.column_text(14)).value_or(Date{});
    note.created_at = row.column_int(15);
    note.created_by = row.column_text(16);
    return note;
}

constexpr const char* kRefundColumns =
    "id, customer_id, amount, method, reference, reason, refunded_at, created_by_name FROM refunds";

billing::Refund refund_from_row(const Statement& row) {
    billing::Refund refund;
    refund.id = row.column_int(0);
    refund.customer_id = row.column_int(1);
    refund.amount = row.column_int(2);
    refund.method = row.column_text(3);
    refund.reference = row.column_text(4);
    refund.reason = row.column_text(5);
    refund.refunded_at = row.column_int(6);
    refund.created_by = row.column_text(7);
    return refund;
}

Result<std::optional<std::int64_t>> id_by_key(Database& db, const char* sql, std::int64_t user_id, const std::string& key) {
    auto row = TRY(db.prepare(sql));
    row.bind(1, user_id).bind(2, key);
    if (!TRY(row.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(row.column_int(0));
}

Result<Money> sum_for_invoice(Database& db, const char* sql, std::int64_t invoice_id) {
    auto sum = TRY(db.prepare(sql));
    sum.bind(1, invoice_id);
    TRY(sum.step());
    return sum.column_int(0);
}

}  // namespace

std::string credit_note_sequence_name(const Period& period) { return "credit_note:" + to_string(period); }

Result<std::int64_t> insert_credit_note(Database& db, const billing::CreditNote& note, const Period& period, std::int64_t sequence,
                                        const WrittenBy& by) {
    auto insert = TRY(db.prepare(
        "INSERT INTO credit_notes(credit_note_no, period, sequence, invoice_id, customer_id, amount, base, tax, applied_amount, "
        "credit_amount, reason, lines, issue_date, created_at, created_by_type, created_by_id, created_by_name, idempotency_key) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    insert.bind(1, note.credit_note_no)
        .bind(2, to_string(period))
        .bind(3, sequence)
        .bind(4, note.invoice_id)
        .bind(5, note.customer_id)
        .bind(6, note.figures.amount)
        .bind(7, note.figures.base)
        .bind(8, note.figures.tax)
        .bind(9, note.figures.applied)
        .bind(10, note.figures.credit)
        .bind(11, note.reason)
        .bind(12, note.lines)
        .bind(13, to_string(note.issue_date))
        .bind(14, note.created_at)
        .bind(15, by.type)
        .bind(16, by.id)
        .bind(17, by.name)
        .bind(18, by.idempotency_key);
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());  // finishes the statement
    return id;
}

Result<std::optional<billing::CreditNote>> find_credit_note(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kCreditNoteColumns + " WHERE n.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<billing::CreditNote>();
    return std::optional<billing::CreditNote>(credit_note_from_row(row));
}

Result<std::optional<std::int64_t>> find_credit_note_by_key(Database& db, std::int64_t user_id, const std::string& key) {
    return id_by_key(db, "SELECT id FROM credit_notes WHERE created_by_type = 'user' AND created_by_id = ? AND idempotency_key = ?", user_id,
                     key);
}

Result<Money> credited_total(Database& db, std::int64_t invoice_id) {
    return sum_for_invoice(db, "SELECT COALESCE(SUM(amount), 0) FROM credit_notes WHERE invoice_id = ?", invoice_id);
}

Result<Money> credited_applied(Database& db, std::int64_t invoice_id) {
    return sum_for_invoice(db, "SELECT COALESCE(SUM(applied_amount), 0) FROM credit_notes WHERE invoice_id = ?", invoice_id);
}

Result<CreditNotePage> list_credit_notes(Database& db, const CreditNoteFilter& filter) {
    std::string where = " WHERE 1=1";
    if (filter.invoice_id) where += " AND n.invoice_id = :invoice_id";
    if (filter.customer_id) where += " AND n.customer_id = :customer_id";
    if (filter.from) where += " AND n.issue_date >= :from";
    if (filter.to) where += " AND n.issue_date <= :to";
    auto bind = [&](Statement& statement) {
        if (filter.invoice_id) statement.bind_named(":invoice_id", *filter.invoice_id);
        if (filter.customer_id) statement.bind_named(":customer_id", *filter.customer_id);
        if (filter.from) statement.bind_named(":from", to_string(*filter.from));
        if (filter.to) statement.bind_named(":to", to_string(*filter.to));
    };
    CreditNotePage page;
    auto totals = TRY(db.prepare("SELECT COUNT(*), COALESCE(SUM(n.amount), 0), COALESCE(SUM(n.tax), 0) FROM credit_notes n" + where));
    bind(totals);
    TRY(totals.step());
    page.total = totals.column_int(0);
    page.amount = totals.column_int(1);
    page.tax = totals.column_int(2);
    auto rows = TRY(db.prepare(std::string("SELECT ") + kCreditNoteColumns + where + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset"));
    bind(rows);
    rows.bind_named(":limit", std::int64_t{filter.per_page});
    rows.bind_named(":offset", std::int64_t{filter.page - 1} * filter.per_page);
    while (TRY(rows.step())) page.rows.push_back(credit_note_from_row(rows));
    return page;
}

Result<std::vector<reports::CreditNoteGroup>> credit_notes_by_month(Database& db, const Date& from, const Date& to) {
    auto rows = TRY(db.prepare(
        "SELECT substr(issue_date, 1, 7), COUNT(*), SUM(amount), SUM(tax) FROM credit_notes WHERE issue_date >= ? AND issue_date <= ? "
        "GROUP BY substr(issue_date, 1, 7) ORDER BY 1"));
    rows.bind(1, to_string(from)).bind(2, to_string(to));
    std::vector<reports::CreditNoteGroup> months;
    while (TRY(rows.step()))
        if (auto period = parse_period(rows.column_text(0)))
            months.push_back(reports::CreditNoteGroup{*period, rows.column_int(1), rows.column_int(2), rows.column_int(3)});
    return months;
}

Result<std::int64_t> insert_refund(Database& db, const billing::Refund& refund, const WrittenBy& by) {
    auto insert = TRY(db.prepare(
        "INSERT INTO refunds(customer_id, amount, method, reference, reason, refunded_at, created_by_type, created_by_id, created_by_name, "
        "idempotency_key) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    insert.bind(1, refund.customer_id)
        .bind(2, refund.amount)
        .bind(3, refund.method)
        .bind(4, refund.reference)
        .bind(5, refund.reason)
        .bind(6, refund.refunded_at)
        .bind(7, by.type)
        .bind(8, by.id)
        .bind(9, by.name)
        .bind(10, by.idempotency_key);
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());  // finishes the statement
    return id;
}

Result<std::optional<billing::Refund>> find_refund(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kRefundColumns + " WHERE id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<billing::Refund>();
    return std::optional<billing::Refund>(refund_from_row(row));
}

Result<std::optional<std::int64_t>> find_refund_by_key(Database& db, std::int64_t user_id, const std::string& key) {
    return id_by_key(db, "SELECT id FROM refunds WHERE created_by_type = 'user' AND created_by_id = ? AND idempotency_key = ?", user_id, key);
}

Result<std::vector<billing::Refund>> list_refunds(Database& db, std::int64_t customer_id) {
    auto rows = TRY(db.prepare(std::string("SELECT ") + kRefundColumns + " WHERE customer_id = ? ORDER BY id DESC LIMIT 500"));
    rows.bind(1, customer_id);
    std::vector<billing::Refund> refunds;
    while (TRY(rows.step())) refunds.push_back(refund_from_row(rows));
    return refunds;
}

Result<std::string> credit_note_maker_full_name(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare("SELECT COALESCE(u.full_name, '') FROM credit_notes n "
                                    "LEFT JOIN users u ON n.created_by_type = 'user' AND u.id = n.created_by_id WHERE n.id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::string();
    return statement.column_text(0);
}

}  // namespace kimonet::store
