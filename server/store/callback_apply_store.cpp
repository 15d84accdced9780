#include "store/callback_apply_store.hpp"

#include <vector>

#include "store/transaction_memo.hpp"

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
thread_local CallbackMarksTransactionPaid* t_marks_paid = nullptr;  // the innermost live scope of this thread
}  // namespace

CallbackMarksTransactionPaid::CallbackMarksTransactionPaid(const Database& db, std::int64_t transaction_id, std::int64_t invoice_id,
                                                           std::string gateway_transaction_id, std::int64_t now)
    : m_db(&db), m_transaction_id(transaction_id), m_invoice_id(invoice_id), m_gateway_transaction_id(std::move(gateway_transaction_id)),
      m_now(now), m_outer(t_marks_paid) {
    t_marks_paid = this;
}

CallbackMarksTransactionPaid::~CallbackMarksTransactionPaid() { t_marks_paid = m_outer; }

CallbackMarksTransactionPaid* CallbackMarksTransactionPaid::pending(const Database& db, std::int64_t invoice_id) {
    if (!db.in_transaction()) return nullptr;
    for (CallbackMarksTransactionPaid* scope = t_marks_paid; scope; scope = scope->m_outer)
        if (scope->m_db == &db && scope->m_invoice_id == invoice_id && !scope->m_marked) return scope;
    return nullptr;
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

namespace {

constexpr int kGatheredCallbackColumns = 8;

// "INSERT INTO gateway_callbacks(…) VALUES (?,…),(?,…)…" for `rows` rows (one prepared statement per size).
std::string gathered_callbacks_insert_sql(int rows) {
    std::string sql = "INSERT INTO gateway_callbacks(gateway, received_at, remote_ip, content_type, body, outcome, detail, order_id) VALUES ";
    for (int row = 0; row < rows; ++row) sql += row ? ",(?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?)";
    return sql;
}

thread_local std::vector<CallbackRecord> t_gathered_callbacks;
thread_local std::uint64_t t_gathered_callbacks_for = 0;

Result<void> write_gathered_callbacks(Database& db) {
    std::vector<CallbackRecord> records;
    records.swap(t_gathered_callbacks);
    std::size_t next = 0;
    for (const int size : {16, 4, 1}) {
        while (records.size() - next >= static_cast<std::size_t>(size)) {
            auto insert = TRY(db.prepare(gathered_callbacks_insert_sql(size)));
            for (int row = 0; row < size; ++row) {
                const CallbackRecord& record = records[next + static_cast<std::size_t>(row)];
                const int first = row * kGatheredCallbackColumns;
                insert.bind(first + 1, record.gateway).bind(first + 2, record.received_at).bind(first + 3, record.remote_ip);
                insert.bind(first + 4, record.content_type).bind(first + 5, record.body).bind(first + 6, record.outcome);
                insert.bind(first + 7, record.detail).bind(first + 8, record.order_id);
            }
            TRY_VOID(insert.run());
            next += static_cast<std::size_t>(size);
        }
    }
    return {};
}

}  // namespace

Result<std::int64_t> insert_gateway_callback_or_gather(Database& db, const CallbackRecord& record) {
    const std::uint64_t joined = transaction_without_savepoints_id(db);
    if (!joined) return insert_gateway_callback(db, record);
    if (t_gathered_callbacks_for != joined) {  // the first of this transaction (a failed one's are dropped)
        t_gathered_callbacks.clear();
        t_gathered_callbacks_for = joined;
        before_commit_without_savepoints(db, [&db] { return write_gathered_callbacks(db); });
    }
    t_gathered_callbacks.push_back(record);
    return 0;
}

}  // namespace kimonet::store
