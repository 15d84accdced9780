#pragma once
// The public endpoints' token buckets shared by N servers on one PostgreSQL (rate_limit_buckets,
// migration 0022). A bucket holds up to `per_minute` tokens, refilled at per_minute/60 a second of
// the application clock; taking one is ONE statement (INSERT … ON CONFLICT DO UPDATE … RETURNING),
// atomic under the row lock, outside the writer lock of write transactions — so three servers give
// a source exactly the tokens one server would, and a limited request costs one round trip.
// Used on PostgreSQL only (http/public_limit.cpp); SQLite's one process keeps its buckets in memory.
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

struct RateLimitTake {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: seconds until the next token (>= 1)
};
// Takes one token of `key` at `now` (Unix seconds). Writes in its own statement (autocommit).
Result<RateLimitTake> take_rate_limit_token(Database& db, const std::string& key, int per_minute, std::int64_t now);
// Deletes buckets untouched for a minute: they are full again, the same as no row.
Result<void> delete_idle_rate_limit_buckets(Database& db, std::int64_t now);

}  // namespace kimonet::store
