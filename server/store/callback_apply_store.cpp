#include "store/callback_apply_store.hpp"

#include <algorithm>
#include <vector>

#include "store/copy_rows.hpp"
#include "store/multi_row_insert.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kTransactionColumns =
    "t.id, t.order_id, t.invoice_id, t.customer_id, t.method, t.amount, t.fee, t.status, t.transaction_id, t.reference, COALESCE(i.status, '')";
constexpr const char* kCustomerColumns = ", c.id, c.status, c.name, c.service_number, c.phone, COALESCE(p.name, ''), ";

// A row of kTransactionColumns (+ kCustomerColumns and kInvoiceColumns when with_invoice_and_customer).
TransactionForCallback transaction_from_row(const Statement& statement, bool with_invoice_and_customer) {
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
    return found;
}

// What lock_callback_rows read with its locks, for the transaction_without_savepoints it ran in.
struct ReadAhead {
    std::string gateway;
    TransactionForCallback found;
};
thread_local std::uint64_t t_ahead_for = 0;
thread_local std::vector<ReadAhead> t_ahead;
thread_local std::vector<std::int64_t> t_customers_read;  // customers whose callbacks this batch has read (and may have changed)

// The read-ahead row for this callback while it is still what the database holds: no callback of
// the batch has read (and so possibly changed) its customer, invoice or transaction yet; else none.
std::optional<TransactionForCallback> read_ahead(const Database& db, const std::string& gateway, bool by_reference, const std::string& key) {
    if (!t_ahead_for || t_ahead_for != transaction_without_savepoints_id(db)) return std::nullopt;
    const ReadAhead* best = nullptr;  // several by one reference: the newest, as the query below takes
    for (const ReadAhead& entry : t_ahead)
        if (entry.gateway == gateway && (by_reference ? entry.found.transaction.reference : entry.found.transaction.order_id) == key &&
            (!best || entry.found.transaction.id > best->found.transaction.id))
            best = &entry;
    if (!best || !best->found.customer) return std::nullopt;
    if (std::find(t_customers_read.begin(), t_customers_read.end(), best->found.customer->id) != t_customers_read.end()) return std::nullopt;
    return best->found;
}

}  // namespace

Result<std::optional<TransactionForCallback>> find_transaction_for_callback(Database& db, const std::string& gateway, bool by_reference,
                                                                            const std::string& key, bool with_invoice_and_customer) {
    const bool in_batch = with_invoice_and_customer && t_ahead_for && t_ahead_for == transaction_without_savepoints_id(db);
    if (in_batch) {
        if (auto found = read_ahead(db, gateway, by_reference, key)) {
            t_customers_read.push_back(found->customer->id);
            return std::optional<TransactionForCallback>(std::move(*found));
        }
    }
    std::string sql = std::string("SELECT ") + kTransactionColumns;
    if (with_invoice_and_customer)
        sql += std::string(kCustomerColumns) + kInvoiceColumns +
               " FROM gateway_transactions t LEFT JOIN invoices i ON i.id = t.invoice_id LEFT JOIN customers c ON c.id = i.customer_id "
               "LEFT JOIN internet_packages p ON p.id = c.package_id";
    else
        sql += " FROM gateway_transactions t LEFT JOIN invoices i ON i.id = t.invoice_id";
    sql += by_reference ? " WHERE t.gateway = ? AND t.reference = ?" : " WHERE t.gateway = ? AND t.order_id = ?";
    sql += " ORDER BY t.id DESC LIMIT 1";
    auto statement = TRY(db.prepare(sql));
    statement.bind(1, gateway).bind(2, key);
    if (!TRY(statement.step())) return std::optional<TransactionForCallback>();
    TransactionForCallback found = transaction_from_row(statement, with_invoice_and_customer);
    statement.reset();
    if (in_batch && found.customer) t_customers_read.push_back(found.customer->id);
    return std::optional<TransactionForCallback>(std::move(found));
}

namespace {

// Lists bound as one text each, split by the server (`string_to_array(?, chr(31))`): one statement
// text, so one prepared statement, whatever the batch's size. The unit separator is in no key we
// make or accept; a value with one is refused (the batch then runs again under the exclusive lock).
constexpr char kListSeparator = '\x1f';
constexpr const char* kSplitList = "string_to_array(?, chr(31))";

Result<void> append_to_list(std::string& list, const std::string& value) {
    if (value.find(kListSeparator) != std::string::npos) return make_error(ErrorCode::Conflict);
    if (!list.empty()) list.push_back(kListSeparator);
    list += value;
    return {};
}

}  // namespace

Result<void> lock_callback_rows(Database& db, const std::vector<CallbackKey>& keys) {
    t_ahead_for = 0;
    t_ahead.clear();
    t_customers_read.clear();
    if (keys.empty() || !shares_the_writer_lock(db)) return {};
    // The keys by (gateway, order id or reference): one `= ANY(…)` each (the unique (gateway,
    // order_id) index, the (gateway, reference) one), almost always a single group.
    std::vector<std::pair<const CallbackKey*, std::string>> groups;
    for (const CallbackKey& key : keys) {
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& candidate) {
            return candidate.first->gateway == key.gateway && candidate.first->by_reference == key.by_reference;
        });
        if (group == groups.end()) group = groups.emplace(groups.end(), &key, std::string());
        TRY_VOID(append_to_list(group->second, key.key));
    }
    std::string sql = std::string("SELECT ") + kTransactionColumns + kCustomerColumns + kInvoiceColumns +
                      ", t.gateway FROM customers c JOIN invoices i ON i.customer_id = c.id JOIN gateway_transactions t ON t.invoice_id = i.id "
                      "LEFT JOIN internet_packages p ON p.id = c.package_id WHERE ";
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g) sql += " OR ";
        sql += std::string(groups[g].first->by_reference ? "(t.gateway = ? AND t.reference = ANY(" : "(t.gateway = ? AND t.order_id = ANY(") +
               kSplitList + "))";
    }
    // Locked row by row in this order (LockRows runs above the sort), each row's customer, then its
    // invoice, then its transaction (the order of the OF list).
    sql += " ORDER BY c.id, i.id, t.id FOR UPDATE OF c, i, t";
    auto lock = TRY(db.prepare(sql));
    for (std::size_t g = 0; g < groups.size(); ++g)
        lock.bind(static_cast<int>(2 * g + 1), groups[g].first->gateway).bind(static_cast<int>(2 * g + 2), groups[g].second);
    std::vector<ReadAhead> rows;
    while (TRY(lock.step())) rows.push_back(ReadAhead{lock.column_text(lock.column_count() - 1), transaction_from_row(lock, true)});
    t_ahead = std::move(rows);
    t_ahead_for = transaction_without_savepoints_id(db);
    return {};
}

Result<void> renumber_receipts(Database& db, const std::vector<std::pair<std::string, std::string>>& renumbered) {
    if (renumbered.empty()) return {};
    std::string provisional, final_numbers;
    for (const auto& [from, to] : renumbered) {
        TRY_VOID(append_to_list(provisional, from));
        TRY_VOID(append_to_list(final_numbers, to));
    }
    auto update = TRY(db.prepare(std::string("UPDATE payments SET receipt_no = v.receipt_no FROM unnest(") + kSplitList + ", " + kSplitList +
                                 ") AS v(provisional, receipt_no) WHERE payments.receipt_no = v.provisional"));
    update.bind(1, provisional).bind(2, final_numbers);
    return update.run();
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

thread_local std::vector<CallbackRecord> t_gathered_callbacks;
thread_local std::uint64_t t_gathered_callbacks_for = 0;

constexpr const char* kGatheredCallbackTarget = "gateway_callbacks(gateway, received_at, remote_ip, content_type, body, outcome, detail, order_id)";

// One statement for a batch: PostgreSQL one COPY, SQLite INSERTs of up to 16 rows (the last of
// exactly the rows left).
Result<void> write_gathered_callbacks(Database& db) {
    std::vector<CallbackRecord> records;
    records.swap(t_gathered_callbacks);
    if (db.engine() == Engine::Postgresql)
        return copy_items(db, kGatheredCallbackTarget, records, [](std::string& rows, const CallbackRecord& record) {
            add_copy_text(rows, record.gateway);
            add_copy_number(rows, record.received_at);
            for (const std::string* text : {&record.remote_ip, &record.content_type, &record.body, &record.outcome, &record.detail})
                add_copy_text(rows, *text);
            add_copy_text(rows, record.order_id, '\n');
        });
    return insert_rows(db, kGatheredCallbackTarget, kGatheredCallbackColumns, records.size(), 16, [&](Statement& insert, int first, std::size_t i) {
                           const CallbackRecord& record = records[i];
                           insert.bind(first, record.gateway).bind(first + 1, record.received_at).bind(first + 2, record.remote_ip);
                           insert.bind(first + 3, record.content_type).bind(first + 4, record.body).bind(first + 5, record.outcome);
                           insert.bind(first + 6, record.detail).bind(first + 7, record.order_id);
                       });
}

}  // namespace

void gather_gateway_callbacks(Database& db) {
    const std::uint64_t joined = transaction_without_savepoints_id(db);
    if (!joined || t_gathered_callbacks_for == joined) return;
    t_gathered_callbacks.clear();  // a failed transaction's are dropped
    t_gathered_callbacks_for = joined;
    before_commit_without_savepoints(db, [&db] { return write_gathered_callbacks(db); });
}

Result<std::int64_t> insert_gateway_callback_or_gather(Database& db, const CallbackRecord& record) {
    if (!transaction_without_savepoints_id(db)) return insert_gateway_callback(db, record);
    gather_gateway_callbacks(db);  // the first of this transaction starts the gathering
    t_gathered_callbacks.push_back(record);
    return 0;
}

}  // namespace kimonet::store
