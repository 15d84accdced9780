#pragma once
// The public bill check's invoices in one statement (the page shows a summary, not the lines).
#include <cstdint>
#include <vector>

#include "billing/invoice.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// The customer's invoices as the bill check lists them: unpaid first, then the latest paid ones,
// at most `limit`, void ones left out. Each has id, number, period, totals, paid amount, due date
// and status (no lines). One statement: on PostgreSQL each statement is a round trip, and the
// check used to run 2 + 2 per invoice (ids, then each invoice and its lines).
Result<std::vector<billing::Invoice>> list_bill_invoices(Database& db, std::int64_t customer_id, int limit);

}  // namespace kimonet::store
