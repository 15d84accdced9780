#pragma once
// Customer list/search latency over a large table: through the service function, over real
// HTTP, and a raw SQLite query with the same predicate as the baseline.
#include "app/app.hpp"
#include "bench_support.hpp"

namespace kimonet::bench {

// Inserts `count` customers with one prepared statement in one transaction.
Result<void> seed_customers(store::Database& db, int count, std::int64_t package_count, std::int64_t router_count);

std::vector<Row> run_customer_bench(app::App& app, HttpClient& http, const std::string& token, int samples);

}  // namespace kimonet::bench
