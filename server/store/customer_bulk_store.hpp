#pragma once
// Many new customers at once (the customer import, services/customer_import_service.cpp). Callers
// hold the write transaction and have validated every row: a constraint that still fails (a
// number taken meanwhile) fails the whole call, and the caller's transaction rolls back.
#include <cstdint>
#include <functional>
#include <vector>

#include "customers/customer.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// SQLite: INSERTs of 100 rows each; PostgreSQL: COPY, 10,000 rows at a time (a round trip per row
// would cost more than the rows: bench_reports). `progress` is told how many rows are written so
// far, at least every `progress_every` rows and at the end.
Result<void> insert_customers(Database& db, const std::vector<Customer>& customers, std::int64_t now,
                              const std::function<void(std::int64_t done)>& progress = {}, std::int64_t progress_every = 1000);

}  // namespace kimonet::store
