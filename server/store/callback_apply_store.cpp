#include "store/callback_apply_store.hpp"

namespace kimonet::store {

Result<std::optional<TransactionForCallback>> find_transaction_for_callback(Database& db, const std::string& gateway, bool by_reference,
                                                                            const std::string& key, bool with_invoice_and_customer) {
    std::string sql =
        "SELECT t.id, t.order_id, t.invoice_id, t.customer_id, t.method, t.amount, t.fee, t.status, t.transaction_id, t.reference, "
        "COALESCE(i.status, '')";
    if (with_invoice_and_customer)
        sql += std::string(", c.id, c.status, c.name, c.service_number, c.phone, COALESCE(p.name, ''), ") + kInvoiceColumns +
               " FROM gateway_transactions t LEFT JOIN invoices i ON i.id = t.invoice_id LEFT JOIN customers c ON c.id = i.customer_id "
               "LEFT JOIN internet_packages p ON p.id = c.package_id";
    else
        sql += " FROM gateway_transactions t LEFT JOIN invoices i ON i.id = t.invoice_id";
    sql += by_reference ? " WHERE t.gateway = ? AND t.reference = ?" : " WHERE t.gateway = ? AND t.order_id = ?";
    sql += " ORDER BY t.id DESC LIMIT 1";
    auto statement = TRY(db.prepare(sql));
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
    if (with_invoice_and_customer && !statement.column_is_null(11))
        found.customer = CallbackCustomer{statement.column_int(11), statement.column_text(12),
                                          CustomerMessageFields{statement.column_text(13), statement.column_text(14), statement.column_text(15),
                                                                statement.column_text(16)}};
    if (with_invoice_and_customer && !statement.column_is_null(17)) found.invoice = invoice_from_row(statement, 17);
    statement.reset();
    return std::optional<TransactionForCallback>(std::move(found));
}

namespace {
thread_local CallbackCustomerKnown* t_known = nullptr;  // the innermost live scope of this thread
}  // namespace

CallbackCustomerKnown::CallbackCustomerKnown(const Database& db, const std::optional<CallbackCustomer>& customer)
    : m_db(&db), m_customer(customer.value_or(CallbackCustomer{})), m_known(customer.has_value()), m_status_known(customer.has_value()),
      m_outer(t_known) {
    t_known = this;
}

CallbackCustomerKnown::~CallbackCustomerKnown() { t_known = m_outer; }

const CallbackCustomerKnown* CallbackCustomerKnown::find(const Database& db, std::int64_t customer_id) {
    if (!db.in_transaction()) return nullptr;
    for (const CallbackCustomerKnown* scope = t_known; scope; scope = scope->m_outer)
        if (scope->m_db == &db && scope->m_known && scope->m_customer.id == customer_id) return scope;
    return nullptr;
}

void CallbackCustomerKnown::forget_status(const Database& db, std::int64_t customer_id) {
    for (CallbackCustomerKnown* scope = t_known; scope; scope = scope->m_outer)
        if (scope->m_db == &db && scope->m_customer.id == customer_id) scope->m_status_known = false;
}

}  // namespace kimonet::store
