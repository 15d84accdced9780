#pragma once
// Next month's invoices of a CallbackGroupCommit batch, created together just before its COMMIT.
//
// A payment that pays a monthly invoice ensures the customer's invoice of the next period
// (record_payment_in_transaction). One at a time that is three statements per payment (the
// customer's billing row, the period's outage credits, the insert). Inside a batch run by
// store::transaction_without_savepoints, while a NextInvoicesAtCommit lives, the payment only
// notes (customer, period) here, and the batch's invoices are made in one go before COMMIT: one
// read of every noted customer's billing row, one reservation of as many numbers, one bulk insert
// (PostgreSQL: COPY), like a batch of the invoice run. Same transaction, same commit: a callback's
// 200 still means its payment AND the next invoice are durable, the numbers stay gap-free, and a
// failure rolls the whole batch back (the batch then runs again with a savepoint per callback,
// where no NextInvoicesAtCommit is active and each payment ensures its invoice at once).
// Difference to one at a time: the invoices are made after every payment of the batch, so one of
// them uses credit that a later payment of the same customer in the same batch added.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "core/date.hpp"

namespace kimonet::services {

class NextInvoicesAtCommit {
public:
    // Construct at the start of the batch's work, inside transaction_without_savepoints on `db`
    // (before anything that gathers what it writes registers a before-commit flush: the invoices'
    // activity entries and the invoice numbers' unused block are written by flushes that must run
    // after this one). Elsewhere it does nothing and find() answers nullptr.
    explicit NextInvoicesAtCommit(const store::Database& db);
    ~NextInvoicesAtCommit();
    NextInvoicesAtCommit(const NextInvoicesAtCommit&) = delete;
    NextInvoicesAtCommit& operator=(const NextInvoicesAtCommit&) = delete;

    // The live, active one of this thread for `db`, else nullptr.
    static NextInvoicesAtCommit* find(const store::Database& db);
    // `customer_id` gets its monthly invoice of `period` before COMMIT (if billable and still
    // without one then); `context` is the payment's (its actor and time go into the activity log).
    void add(const app::Context& context, std::int64_t customer_id, const Period& period);

    struct Noted;

private:
    const store::Database* m_db;
    std::shared_ptr<Noted> m_noted;  // shared with the flush, which runs after this scope ends
    NextInvoicesAtCommit* m_outer;
};

// Receipt numbers of a batch that shares the writer lock (PostgreSQL, several servers' batches at
// once; store/transaction_memo.hpp), given just before COMMIT. A number may go out only once every
// smaller one is committed or given back, so the counter's `sequences` row stays locked from a
// reservation through COMMIT, and every other batch that numbers receipts of that month waits from
// its own reservation on: reserved at the first payment, the numbers would make whole batches run
// one after the other. Call at the start of such a batch's work, right after NextInvoicesAtCommit
// (whose invoices may be paid from credit: payments with receipt numbers): until its flush runs,
// next_receipt_no gives each payment a provisional number, unique across servers and never seen
// after COMMIT ("~" + this process's random tag, the transaction, a counter); the flush reserves
// each month's numbers in one go, gives them out in the order the provisional ones were taken
// (store::renumber_receipts, one UPDATE for the batch) and writes them into the gathered activity
// entries. Elsewhere (the exclusive lock, SQLite, a rerun with savepoints) it does nothing and
// receipts are numbered at once, as always. The receipt message carries no number.
void number_receipts_at_commit(store::Database& db);
// Inside such a batch, before its flush: a provisional number for a receipt of `period`; else none.
std::optional<std::string> provisional_receipt_no(const store::Database& db, const Period& period);
// "KW-202601-000001": receipts (kuitansi) numbered per month of payment.
std::string receipt_no_text(const Period& period, std::int64_t number);

}  // namespace kimonet::services
