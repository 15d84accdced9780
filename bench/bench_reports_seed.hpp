#pragma once
// bench_reports' data, the same on both engines (not timed): 4 packages, 2 routers, `customers`
// customers and `invoices` invoices over `invoices / customers` months from 2025-04, with payments
// (a quarter by gateway, each with its gateway transaction), partial payments, voids and late fees.
// SQL by engine (SQLite's recursive CTE and printf, PostgreSQL's generate_series and to_char),
// then ANALYZE; on PostgreSQL the identity sequences are moved past the explicit ids.
#include "store/database.hpp"

namespace kimonet::bench {

void seed_report_data(store::Database& db, long customers, long invoices);

}  // namespace kimonet::bench
