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

#include "app/context.hpp"
#include "core/date.hpp"

namespace kimonet::services {

class NextInvoicesAtCommit {
public:
    // Construct at the start of the batch's work, inside transaction_without_savepoints on `db`
    // (before anything else registers a before-commit flush: the invoices' activity
    // entries and the invoice numbers' unused block are written by flushes that must run after
    // this one). Elsewhere it does nothing and find() answers nullptr.
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

}  // namespace kimonet::services
