#include "store/callback_apply_store.hpp"

namespace kimonet::store {

Result<std::optional<TransactionForCallback>> find_transaction_for_callback(Database& db, const std::string& gateway, bool by_reference,
                                                                            const std::string& key) {
    auto statement = TRY(db.prepare(std::string("SELECT t.id, t.order_id, t.invoice_id, t.customer_id, t.method, t.amount, t.fee, t.status, "
                                                "t.transaction_id, t.reference, COALESCE(i.status, '') FROM gateway_transactions t "
                                                "LEFT JOIN invoices i ON i.id = t.invoice_id WHERE t.gateway = ? AND ") +
                                    (by_reference ? "t.reference = ?" : "t.order_id = ?") + " ORDER BY t.id DESC LIMIT 1"));
    statement.bind(1, gateway).bind(2, key);
    if (!TRY(statement.step())) return std::optional<TransactionForCallback>();
    TransactionForCallback found;
    StoredTransaction& transaction = found.transaction;
    transaction.id = statement.column_int(0);
    transaction.order_id = statement.column_text(1);
    transaction.invoice_id = statement.column_int(2);
    transaction.customer_id = statement.column_int(3);
    transaction.method = statement.column_text(4);
    transaction.amount = statement.column_int(5);
    transaction.fee = statement.column_int(6);
    transaction.state = payments::parse_transaction_state(statement.column_text(7)).value_or(payments::TransactionState::Review);
    transaction.transaction_id = statement.column_text(8);
    transaction.reference = statement.column_text(9);
    found.invoice_status = statement.column_text(10);
    statement.reset();
    return std::optional<TransactionForCallback>(std::move(found));
}

}  // namespace kimonet::store
