#pragma once
// Reads for applying a gateway callback inside its write transaction (services/gateway_callback_service.cpp).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/gateway_store.hpp"
#include "store/invoice_store.hpp"
#include "store/messaging_lookups.hpp"

namespace kimonet::store {

// The customer of the transaction's invoice as the callback's first read found it.
struct CallbackCustomer {
    std::int64_t id = 0;
    std::string status;
    CustomerMessageFields fields;  // for the payment's receipt
};

struct TransactionForCallback {
    StoredTransaction transaction;
    std::string invoice_status;  // of transaction.invoice_id; "" when there is no such invoice
    std::optional<CallbackCustomer> customer;  // none when there is no such invoice or customer
    std::optional<billing::Invoice> invoice;   // transaction.invoice_id's row (without lines), when it exists
};

// find_transaction_for_event, its invoice (status and row) and that invoice's customer (status and
// the receipt's fields), in one statement: four round trips fewer per paid callback than reading
// the invoice status, the invoice, the customer's status and the receipt's fields where each is
// used. `with_invoice_and_customer` false: the transaction and its invoice's status only (what
// verifying a callback, outside the write transaction, needs).
Result<std::optional<TransactionForCallback>> find_transaction_for_callback(Database& db, const std::string& gateway, bool by_reference,
                                                                            const std::string& key, bool with_invoice_and_customer = true);

// How a callback names its transaction: `key` is the order id, or (by_reference) the gateway's reference.
struct CallbackKey {
    std::string gateway;
    bool by_reference = false;
    std::string key;
};
// Inside transaction_without_savepoints_sharing_the_writer_lock on PostgreSQL (a CallbackGroupCommit
// batch beside other servers' batches): locks (FOR UPDATE) every gateway transaction these keys
// name, its invoice and that invoice's customer — the rows a callback changes that another batch
// could change too — in one statement, ordered by customer, invoice and transaction. Every batch
// takes its locks in that one order, so two batches that share a customer or a transaction wait
// for each other instead of deadlocking; a row it waited for is read as the other batch committed
// it. What it read is kept for the batch: find_transaction_for_callback answers from it (one
// statement for the batch instead of one per callback) while no callback of the batch has read
// that customer yet; after that (a second callback for the same customer or transaction) it asks
// the database again. Elsewhere (the exclusive writer lock, SQLite) it does nothing.
Result<void> lock_callback_rows(Database& db, const std::vector<CallbackKey>& keys);

// Gives payments their receipt numbers: each (provisional receipt_no, final one), a batch's
// provisional numbers numbered just before COMMIT (services::number_receipts_at_commit), in one
// `UPDATE payments … FROM unnest(…)`. PostgreSQL only (the only engine whose batches share the lock).
Result<void> renumber_receipts(Database& db, const std::vector<std::pair<std::string, std::string>>& renumbered);

// The raw callback's row. Inside transaction_without_savepoints (a CallbackGroupCommit batch) it is
// gathered and written with the batch's other callbacks just before COMMIT, in multi-row INSERTs
// (one statement per 16 instead of one each), and the answer is 0: the row has no id yet. A batch
// that fails drops what it gathered (its rerun with savepoints inserts one by one). Elsewhere the
// row is inserted at once and its id returned (insert_gateway_callback).
Result<std::int64_t> insert_gateway_callback_or_gather(Database& db, const CallbackRecord& record);
// Inside transaction_without_savepoints: the gathering starts here (else at the first row), so the
// rows are written by a flush that runs before those registered later — a callback batch's number
// flushes, from which on other servers' batches wait for this one's COMMIT.
void gather_gateway_callbacks(Database& db);

// While this object lives (applying one paid callback, inside its write transaction), the payment
// that insert_payment_updating_invoice records for `invoice_id` on `db` and this thread also marks
// gateway transaction `transaction_id` paid with it (what mark_transaction_paid does), in the same
// statement on PostgreSQL (a data-modifying WITH; SQLite runs it after): one round trip fewer per
// paid callback. marked() says whether that happened; when no payment was recorded, nothing was
// marked and the caller marks nothing either.
class CallbackMarksTransactionPaid {
public:
    CallbackMarksTransactionPaid(const Database& db, std::int64_t transaction_id, std::int64_t invoice_id, std::string gateway_transaction_id,
                                 std::int64_t now);
    ~CallbackMarksTransactionPaid();
    CallbackMarksTransactionPaid(const CallbackMarksTransactionPaid&) = delete;
    CallbackMarksTransactionPaid& operator=(const CallbackMarksTransactionPaid&) = delete;
    // The live scope of this thread for `db` and `invoice_id` that has not marked yet, else nullptr.
    static CallbackMarksTransactionPaid* pending(const Database& db, std::int64_t invoice_id);

    std::int64_t transaction_id() const { return m_transaction_id; }
    const std::string& gateway_transaction_id() const { return m_gateway_transaction_id; }
    std::int64_t now() const { return m_now; }
    bool marked() const { return m_marked; }
    void set_marked() { m_marked = true; }

private:
    const Database* m_db;
    std::int64_t m_transaction_id, m_invoice_id;
    std::string m_gateway_transaction_id;
    std::int64_t m_now;
    bool m_marked = false;
    CallbackMarksTransactionPaid* m_outer;
};

// While this object lives, inside the write transaction that read `customer` (with
// find_transaction_for_callback), find_customer_status and find_customer_message_fields on this
// thread and `db` answer for that customer from it instead of asking again. Exact, not a cache: the
// writer lock keeps every other writer out until the transaction ends, and the one write of the
// callback path to the customer, reactivate_customer (restore after payment), forgets the status.
// Keep the scope to applying one callback (apply_paid): nothing there changes the customer's
// name, phone, service number or package. Not consulted outside a transaction.
class CallbackCustomerKnown {
public:
    CallbackCustomerKnown(const Database& db, const std::optional<CallbackCustomer>& customer);
    ~CallbackCustomerKnown();
    CallbackCustomerKnown(const CallbackCustomerKnown&) = delete;
    CallbackCustomerKnown& operator=(const CallbackCustomerKnown&) = delete;
    // The customer when `customer_id` is the one known here for `db`, else nullptr.
    static const CallbackCustomerKnown* find(const Database& db, std::int64_t customer_id);
    static void forget_status(const Database& db, std::int64_t customer_id);

    const CallbackCustomer& customer() const { return m_customer; }
    bool status_known() const { return m_status_known; }

private:
    const Database* m_db;
    CallbackCustomer m_customer;
    bool m_known;
    bool m_status_known;
    CallbackCustomerKnown* m_outer;
};

}  // namespace kimonet::store
