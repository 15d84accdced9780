#pragma once
// Promises to pay (payment_promises, migration 0035): the rows, the customer's history, the active
// promise of a customer, and the invoice reads the promise service needs. Functions that write
// assume the caller holds the transaction. Dates are local YYYY-MM-DD text; times come from the Clock.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct PromiseRow {
    std::int64_t id = 0, customer_id = 0, invoice_id = 0;
    std::string invoice_no;
    std::string made_on, promised_until;
    int days = 0;
    std::string channel, status, actor_type;
    std::optional<std::int64_t> actor_id;
    std::string actor_name, reason;
    bool restored = false;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> ended_at;
};

// The customer's promises, newest first (at most `limit`).
Result<std::vector<PromiseRow>> customer_promises(Database& db, std::int64_t customer_id, int limit = 100);
Result<std::optional<PromiseRow>> active_promise(Database& db, std::int64_t customer_id);
// Customer id -> last day of their active promise, for every customer with one.
Result<std::map<std::int64_t, std::string>> active_promise_dates(Database& db);

// Gives the new row's id; the partial unique index refuses a second active promise (409).
Result<std::int64_t> insert_promise(Database& db, const PromiseRow& promise);
// Ends an active promise: 'kept', 'broken' or 'replaced'.
Result<void> end_promise(Database& db, std::int64_t promise_id, const std::string& status, std::int64_t now);

// Active promises to settle: their invoice's status ("paid", "void", "unpaid", "partial") and last day.
struct ActivePromiseState {
    std::int64_t id = 0, customer_id = 0, invoice_id = 0;
    std::string promised_until, invoice_status;
};
Result<std::vector<ActivePromiseState>> active_promise_states(Database& db);
// The active promises on one invoice of `customer_id` (through the customer index). Every paid
// invoice asks: inside a write transaction, once no active promise was found anywhere, the rest of
// the transaction (a batch of gateway callbacks) asks the database nothing more.
Result<std::vector<ActivePromiseState>> active_promises_of_invoice(Database& db, std::int64_t customer_id, std::int64_t invoice_id);

// An invoice a promise may name: it belongs to the customer and is still owed.
struct PromiseInvoice {
    std::int64_t id = 0;
    std::string invoice_no, due_date, period;
    std::int64_t outstanding = 0;
};
// The customer's open invoices due on or before `today`, oldest due date first.
Result<std::vector<PromiseInvoice>> overdue_open_invoices(Database& db, std::int64_t customer_id, const std::string& today);

// Forgets the isolate steps recorded for the customer's open invoices, so that the dunning policy
// decides isolation again after a promise restored the customer (as a payment void does).
Result<void> forget_recorded_isolations(Database& db, std::int64_t customer_id);

}  // namespace kimonet::store
