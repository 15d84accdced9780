#include "store/payment_void_store.hpp"

#include "store/invoice_store.hpp"

namespace kimonet::store {

Result<std::optional<StoredPayment>> find_payment(Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(
        "SELECT id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, note, recorded_by_name, "
        "voided_at, voided_by_name, void_reason, replaces_payment_id, "
        "(SELECT c.id FROM payments c WHERE c.replaces_payment_id = payments.id) AS replaced_by_payment_id, "
        "recorded_by_type, recorded_by_id, created_at FROM payments WHERE id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return std::optional<StoredPayment>();
    StoredPayment stored;
    stored.payment = payment_from_row(row, 0);
    stored.recorded_by_type = row.column_text(15);
    if (!row.column_is_null(16)) stored.recorded_by_id = row.column_int(16);
    stored.created_at = row.column_int(17);
    return std::optional<StoredPayment>(std::move(stored));
}

Result<bool> mark_payment_void(Database& db, std::int64_t id, std::int64_t now, std::optional<std::int64_t> voided_by_id,
                               const std::string& voided_by_name, const std::string& reason) {
    auto update = TRY(db.prepare(
        "UPDATE payments SET voided_at = ?, voided_by_id = ?, voided_by_name = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL"));
    update.bind(1, now).bind(2, voided_by_id).bind(3, voided_by_name).bind(4, reason).bind(5, id);
    TRY_VOID(update.run());
    return db.changes() > 0;
}

Result<Money> live_applied_amount(Database& db, std::int64_t invoice_id) {
    // The amount settled: live payments' applied parts and credit notes' (issue 20; never voided).
    auto sum = TRY(db.prepare("SELECT COALESCE(SUM(applied_amount), 0) + (SELECT COALESCE(SUM(applied_amount), 0) FROM credit_notes "
                              "WHERE invoice_id = ?1) FROM payments WHERE invoice_id = ?1 AND voided_at IS NULL"));
    sum.bind(1, invoice_id);
    TRY(sum.step());
    return sum.column_int(0);
}

Result<void> clear_invoice_paid_at(Database& db, std::int64_t invoice_id) {
    auto update = TRY(db.prepare("UPDATE invoices SET paid_at = NULL WHERE id = ?"));
    update.bind(1, invoice_id);
    return update.run();
}

Result<std::vector<CreditUse>> list_live_credit_payments(Database& db, std::int64_t customer_id) {
    auto rows = TRY(db.prepare(
        "SELECT p.receipt_no, i.invoice_no FROM payments p JOIN invoices i ON i.id = p.invoice_id "
        "WHERE p.customer_id = ? AND p.method = 'credit' AND p.voided_at IS NULL ORDER BY p.id DESC LIMIT 5"));
    rows.bind(1, customer_id);
    std::vector<CreditUse> out;
    while (TRY(rows.step())) out.push_back({rows.column_text(0), rows.column_text(1)});
    return out;
}

Result<std::int64_t> reopen_isolate_steps(Database& db, std::int64_t invoice_id) {
    auto remove = TRY(db.prepare("DELETE FROM dunning_actions WHERE invoice_id = ? AND action = 'isolate'"));
    remove.bind(1, invoice_id);
    TRY_VOID(remove.run());
    return db.changes();
}

}  // namespace kimonet::store
