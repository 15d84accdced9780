#pragma once
// Both engines for the benchmarks that measure the database: SQLite (a scratch file, as before)
// and PostgreSQL (a scratch server of this process, started on first use and stopped at exit:
// tests/support/postgresql_server.hpp, here DURABLE — fsync, synchronous_commit and
// full_page_writes on, as in production — so a commit costs what it costs there).
// KIMONET_BENCH_ENGINES picks them: "sqlite", "postgresql" or "sqlite,postgresql" (the default).
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::bench {

std::vector<store::Engine> engines_to_run();
const char* engine_name(store::Engine engine);

// The URL of a new, empty database named `name`: an SQLite file in `directory` (what a previous
// run left there removed), or a new database on this process's PostgreSQL. Exits 2 on failure.
std::string fresh_database_url(store::Engine engine, const std::string& directory, const std::string& name);

// PostgreSQL only: runs `sql` (no parameters) on its own connection, outside any transaction
// (CHECKPOINT, VACUUM ANALYZE between the setup and a timed phase). Exits 2 on failure.
void postgresql_admin(const std::string& url, const std::string& sql);

}  // namespace kimonet::bench
