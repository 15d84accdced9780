#include "store/gateway_store.hpp"

#include "store/callback_apply_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kTransactionColumns =
    "id, gateway, order_id, transaction_id, reference, invoice_id, customer_id, method, amount, fee, status, payment_url, "
    "payment_code, qr_string, expires_at, created_at";

GatewayTransaction row_to_transaction(const Statement& row) {
    GatewayTransaction transaction;
    transaction.id = row.column_int(0);
    transaction.gateway = row.column_text(1);
    transaction.order_id = row.column_text(2);
    transaction.transaction_id = row.column_text(3);
    transaction.reference = row.column_text(4);
    transaction.invoice_id = row.column_int(5);
    transaction.customer_id = row.column_int(6);
    transaction.method = row.column_text(7);
    transaction.amount = row.column_int(8);
    transaction.fee = row.column_int(9);
    transaction.status = row.column_text(10);
    transaction.payment_url = row.column_text(11);
    transaction.payment_code = row.column_text(12);
    transaction.qr_string = row.column_text(13);
    transaction.expires_at = row.column_int(14);
    transaction.created_at = row.column_int(15);
    return transaction;
}

Result<std::vector<AttemptToCheck>> read_attempts(Statement& statement) {
    std::vector<AttemptToCheck> rows;
    while (TRY(statement.step()))
        rows.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2), statement.column_text(3),
                        statement.column_int(4)});
    return rows;
}

}  // namespace

Result<std::optional<GatewayTransaction>> find_gateway_transaction(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kTransactionColumns + " FROM gateway_transactions WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<GatewayTransaction>();
    return std::optional<GatewayTransaction>(row_to_transaction(statement));
}

Result<std::optional<GatewayTransaction>> find_pending_transaction(Database& db, std::int64_t invoice_id, const std::string& gateway,
                                                                   const std::string& method) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kTransactionColumns +
                                    " FROM gateway_transactions WHERE invoice_id = ? AND gateway = ? AND method = ? AND status = 'pending'"));
    statement.bind(1, invoice_id).bind(2, gateway).bind(3, method);
    if (!TRY(statement.step())) return std::optional<GatewayTransaction>();
    return std::optional<GatewayTransaction>(row_to_transaction(statement));
}

Result<std::int64_t> count_open_charges(Database& db, std::int64_t invoice_id, std::int64_t now) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM gateway_transactions WHERE invoice_id = ? AND status = 'pending' AND expires_at > ?"));
    statement.bind(1, invoice_id).bind(2, now);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<std::vector<GatewayTransaction>> list_open_charges(Database& db, std::int64_t invoice_id, std::int64_t now, int limit) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kTransactionColumns +
                                    " FROM gateway_transactions WHERE invoice_id = ? AND status = 'pending' AND expires_at > ? "
                                    "ORDER BY id DESC LIMIT ?"));
    statement.bind(1, invoice_id).bind(2, now).bind(3, limit);
    std::vector<GatewayTransaction> rows;
    while (TRY(statement.step())) rows.push_back(row_to_transaction(statement));
    return rows;
}

Result<std::int64_t> insert_gateway_transaction(Database& db, const NewGatewayTransaction& transaction, std::int64_t now) {
    auto insert = TRY(db.prepare(
        "INSERT INTO gateway_transactions(gateway, order_id, transaction_id, reference, invoice_id, customer_id, method, amount, fee, status, "
        "payment_url, payment_code, qr_string, expires_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,'pending',?,?,?,?,?,?) "
        "RETURNING id"));
    insert.bind(1, transaction.gateway).bind(2, transaction.order_id).bind(3, transaction.transaction_id).bind(4, transaction.reference);
    insert.bind(5, transaction.invoice_id).bind(6, transaction.customer_id).bind(7, transaction.method).bind(8, transaction.amount);
    insert.bind(9, transaction.fee).bind(10, transaction.payment_url).bind(11, transaction.payment_code).bind(12, transaction.qr_string);
    insert.bind(13, transaction.expires_at).bind(14, now).bind(15, now);
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());
    return id;
}

Result<void> expire_pending_transaction(Database& db, std::int64_t id, std::int64_t now) {
    auto close = TRY(db.prepare("UPDATE gateway_transactions SET status = 'expired', updated_at = ? WHERE id = ? AND status = 'pending'"));
    close.bind(1, now).bind(2, id);
    return close.run();
}

// The same row as find_transaction_for_callback reads (one reader for both), without its invoice's status.
Result<std::optional<StoredTransaction>> find_transaction_for_event(Database& db, const std::string& gateway, bool by_reference,
                                                                    const std::string& key) {
    auto found = TRY(find_transaction_for_callback(db, gateway, by_reference, key, false));
    if (!found) return std::optional<StoredTransaction>();
    return std::optional<StoredTransaction>(std::move(found->transaction));
}

Result<void> set_transaction_state(Database& db, std::int64_t id, std::string_view state, const std::string& reason, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE gateway_transactions SET status = ?, review_reason = CASE WHEN ? = '' THEN review_reason ELSE ? END, updated_at = ? WHERE id = ?"));
    update.bind(1, state).bind(2, reason).bind(3, reason).bind(4, now).bind(5, id);
    return update.run();
}

Result<void> mark_transaction_paid(Database& db, std::int64_t id, std::int64_t payment_id, const std::string& gateway_transaction_id,
                                   std::int64_t now) {
    auto update = TRY(db.prepare("UPDATE gateway_transactions SET status = 'paid', payment_id = ?, paid_at = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, payment_id).bind(2, now).bind(3, now).bind(4, id);
    TRY_VOID(update.run());
    // The gateway's id only where we had none. A statement of its own: SQLite rewrites an index of
    // every column in an UPDATE's SET, changed or not (gateway_transactions_gateway_id: a page per
    // paid callback, when the attempt had its id from the charge already, as nearly all have).
    auto identify = TRY(db.prepare("UPDATE gateway_transactions SET transaction_id = ? WHERE id = ? AND transaction_id = ''"));
    identify.bind(1, gateway_transaction_id).bind(2, id);
    return identify.run();
}

Result<void> touch_transaction_checked(Database& db, std::int64_t id, std::int64_t now) {
    auto touch = TRY(db.prepare("UPDATE gateway_transactions SET last_checked_at = ? WHERE id = ?"));
    touch.bind(1, now).bind(2, id);
    return touch.run();
}

Result<ReversedPayment> find_reversed_payment(Database& db, std::int64_t transaction_id) {
    auto payment = TRY(db.prepare(
        "SELECT p.id, p.receipt_no, p.amount, i.invoice_no FROM gateway_transactions t LEFT JOIN payments p ON p.id = t.payment_id "
        "LEFT JOIN invoices i ON i.id = t.invoice_id WHERE t.id = ?"));
    payment.bind(1, transaction_id);
    TRY(payment.step());
    return ReversedPayment{payment.column_optional_int(0), payment.column_text(1), payment.column_int(2), payment.column_text(3)};
}

Result<std::vector<AttemptToCheck>> list_pending_attempts(Database& db, std::int64_t created_before, int limit) {
    auto statement = TRY(db.prepare(
        "SELECT id, gateway, order_id, reference, expires_at FROM gateway_transactions WHERE status = 'pending' AND created_at <= ? "
        "ORDER BY id LIMIT ?"));
    statement.bind(1, created_before).bind(2, limit);
    return read_attempts(statement);
}

Result<std::vector<AttemptToCheck>> list_expired_still_payable(Database& db, std::int64_t valid_after, std::int64_t checked_before, int limit) {
    auto statement = TRY(db.prepare(
        "SELECT id, gateway, order_id, reference, expires_at FROM gateway_transactions WHERE status = 'expired' AND expires_at > ? "
        "AND COALESCE(last_checked_at, 0) <= ? ORDER BY id LIMIT ?"));
    statement.bind(1, valid_after).bind(2, checked_before).bind(3, limit);
    return read_attempts(statement);
}

Result<std::vector<AttemptToCheck>> list_settled_to_recheck(Database& db, const std::string& gateway, std::int64_t paid_since,
                                                            std::int64_t checked_before, int limit) {
    auto statement = TRY(db.prepare(
        "SELECT id, gateway, order_id, reference, expires_at FROM gateway_transactions WHERE gateway = ? AND status = 'paid' "
        "AND paid_at >= ? AND COALESCE(last_checked_at, 0) <= ? ORDER BY id LIMIT ?"));
    statement.bind(1, gateway).bind(2, paid_since).bind(3, checked_before).bind(4, limit);
    return read_attempts(statement);
}

Result<void> insert_reconciliation_finding(Database& db, const ReconciliationFinding& finding) {
    auto insert = TRY(db.prepare(
        "INSERT INTO payment_reconciliation(at, gateway, order_id, gateway_transaction_id, kind, source, detail) VALUES (?,?,?,?,?,?,?)"));
    insert.bind(1, finding.at).bind(2, finding.gateway).bind(3, finding.order_id).bind(4, finding.transaction_id);
    insert.bind(5, finding.kind).bind(6, finding.source).bind(7, finding.detail);
    return insert.run();
}

Result<ReconciliationPage> list_reconciliation(Database& db, int page, int per_page) {
    ReconciliationPage out;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM payment_reconciliation"));
    TRY(count.step());
    out.total = count.column_int(0);
    auto rows = TRY(db.prepare(
        "SELECT r.id, r.at, r.gateway, r.order_id, r.kind, r.source, r.detail, t.invoice_id, t.amount, t.status FROM payment_reconciliation r "
        "LEFT JOIN gateway_transactions t ON t.id = r.gateway_transaction_id ORDER BY r.id DESC LIMIT ? OFFSET ?"));
    rows.bind(1, per_page).bind(2, static_cast<std::int64_t>(page - 1) * per_page);
    while (TRY(rows.step()))
        out.rows.push_back({rows.column_int(0), rows.column_int(1), rows.column_text(2), rows.column_text(3), rows.column_text(4),
                            rows.column_text(5), rows.column_text(6), rows.column_optional_int(7), rows.column_int(8), rows.column_text(9)});
    return out;
}

Result<GatewayTransactionPage> list_gateway_transactions(Database& db, const std::string& status, int page, int per_page) {
    const std::string where = status.empty() ? "" : " WHERE t.status = :status";
    GatewayTransactionPage out;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM gateway_transactions t" + where));
    count.bind_named(":status", status);
    TRY(count.step());
    out.total = count.column_int(0);
    auto rows = TRY(db.prepare(
        "SELECT t.id, t.gateway, t.order_id, t.method, t.amount, t.fee, t.status, t.invoice_id, i.invoice_no, c.name, c.service_number, "
        "t.created_at, t.expires_at, t.paid_at, t.review_reason FROM gateway_transactions t "
        "LEFT JOIN invoices i ON i.id = t.invoice_id LEFT JOIN customers c ON c.id = t.customer_id" +
        where + " ORDER BY t.id DESC LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", status);
    rows.bind_named(":limit", std::int64_t{per_page});
    rows.bind_named(":offset", static_cast<std::int64_t>(page - 1) * per_page);
    while (TRY(rows.step())) {
        GatewayTransactionRow row;
        row.id = rows.column_int(0);
        row.gateway = rows.column_text(1);
        row.order_id = rows.column_text(2);
        row.method = rows.column_text(3);
        row.amount = rows.column_int(4);
        row.fee = rows.column_int(5);
        row.status = rows.column_text(6);
        row.invoice_id = rows.column_int(7);
        row.invoice_no = rows.column_text(8);
        row.customer_name = rows.column_text(9);
        row.service_number = rows.column_text(10);
        row.created_at = rows.column_optional_int(11);
        row.expires_at = rows.column_optional_int(12);
        row.paid_at = rows.column_optional_int(13);
        row.review_reason = rows.column_text(14);
        out.rows.push_back(std::move(row));
    }
    return out;
}

Result<std::optional<AttemptStatus>> find_attempt_status(Database& db, const std::string& order_id) {
    auto statement = TRY(db.prepare(
        "SELECT t.status, i.status FROM gateway_transactions t JOIN invoices i ON i.id = t.invoice_id WHERE t.order_id = ?"));
    statement.bind(1, order_id);
    if (!TRY(statement.step())) return std::optional<AttemptStatus>();
    return std::optional<AttemptStatus>(AttemptStatus{statement.column_text(0), statement.column_text(1)});
}

Result<std::int64_t> insert_gateway_callback(Database& db, const CallbackRecord& record) {
    auto insert = TRY(db.prepare(
        "INSERT INTO gateway_callbacks(gateway, received_at, remote_ip, content_type, body, outcome, detail, order_id) VALUES (?,?,?,?,?,?,?,?) "
        "RETURNING id"));
    insert.bind(1, record.gateway).bind(2, record.received_at).bind(3, record.remote_ip).bind(4, record.content_type).bind(5, record.body);
    insert.bind(6, record.outcome).bind(7, record.detail).bind(8, record.order_id);
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());
    return id;
}

Result<void> prune_gateway_callbacks(Database& db, const std::vector<std::string>& outcomes, int keep) {
    if (outcomes.empty() || keep < 1) return success();
    // ?1 … ?n name the outcomes in both IN lists; ?n+1 is how many to keep.
    std::string in = "(";
    for (std::size_t i = 0; i < outcomes.size(); ++i) in += (i ? ",?" : "?") + std::to_string(i + 1);
    in += ")";
    const std::string keep_parameter = "?" + std::to_string(outcomes.size() + 1);
    auto prune = TRY(db.prepare("DELETE FROM gateway_callbacks WHERE outcome IN " + in +
                                " AND id < (SELECT id FROM gateway_callbacks WHERE outcome IN " + in + " ORDER BY id DESC LIMIT 1 OFFSET " +
                                keep_parameter + ")"));
    for (std::size_t i = 0; i < outcomes.size(); ++i) prune.bind(static_cast<int>(i + 1), outcomes[i]);
    prune.bind(static_cast<int>(outcomes.size() + 1), keep - 1);
    return prune.run();
}

}  // namespace kimonet::store
