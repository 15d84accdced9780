#pragma once
// The public bill check's invoices in one statement (the page shows a summary, not the lines).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/invoice.hpp"
#include "store/database.hpp"
#include "store/payment_store.hpp"

namespace kimonet::store {

// The customer's invoices as the bill check lists them: unpaid first, then the latest paid ones,
// at most `limit`, void ones left out. Each has id, number, period, totals, paid amount, due date
// and status (no lines). One statement: on PostgreSQL each statement is a round trip, and the
// check used to run 2 + 2 per invoice (ids, then each invoice and its lines).
Result<std::vector<billing::Invoice>> list_bill_invoices(Database& db, std::int64_t customer_id, int limit);

// The customer (not terminated) with that service number and its invoices as list_bill_invoices
// gives them, in one statement (one round trip on PostgreSQL); none when there is no such customer.
struct BillCheck {
    BillCustomer customer;
    std::vector<billing::Invoice> invoices;
};
Result<std::optional<BillCheck>> find_bill_check(Database& db, const std::string& service_number, int limit);

}  // namespace kimonet::store
