#include "store/rate_limit_store.hpp"

#include <algorithm>
#include <cmath>

namespace kimonet::store {

Result<RateLimitTake> take_rate_limit_token(Database& db, const std::string& key, int per_minute, std::int64_t now) {
    // refilled = min(capacity, tokens + elapsed * capacity / 60); a token is taken when refilled >= 1.
    // A clock that steps back refills nothing (GREATEST). Written for PostgreSQL (LEAST/GREATEST).
    auto take = TRY(db.prepare(
        "INSERT INTO rate_limit_buckets(key, tokens, updated_at, allowed) VALUES (:key, CAST(:capacity AS DOUBLE PRECISION) - 1, :now, 1) "
        "ON CONFLICT(key) DO UPDATE SET "
        "tokens = LEAST(CAST(:capacity AS DOUBLE PRECISION), rate_limit_buckets.tokens + GREATEST(0, :now - rate_limit_buckets.updated_at) * "
        "CAST(:capacity AS DOUBLE PRECISION) / 60.0) - CASE WHEN LEAST(CAST(:capacity AS DOUBLE PRECISION), rate_limit_buckets.tokens + "
        "GREATEST(0, :now - rate_limit_buckets.updated_at) * CAST(:capacity AS DOUBLE PRECISION) / 60.0) >= 1 THEN 1 ELSE 0 END, "
        "allowed = CASE WHEN LEAST(CAST(:capacity AS DOUBLE PRECISION), rate_limit_buckets.tokens + GREATEST(0, :now - rate_limit_buckets.updated_at) * "
        "CAST(:capacity AS DOUBLE PRECISION) / 60.0) >= 1 THEN 1 ELSE 0 END, "
        "updated_at = GREATEST(rate_limit_buckets.updated_at, :now) "
        "RETURNING tokens, allowed"));
    take.bind_named(":key", key).bind_named(":capacity", std::int64_t{per_minute}).bind_named(":now", now);
    RateLimitTake out;
    if (!TRY(take.step())) return out;
    const double tokens = take.column_double(0);
    out.allowed = take.column_int(1) != 0;
    take.reset();
    if (!out.allowed) {
        const double seconds = (1.0 - tokens) * 60.0 / std::max(per_minute, 1);
        out.retry_after_seconds = std::max(1, static_cast<int>(std::ceil(seconds)));
    }
    return out;
}

Result<void> delete_idle_rate_limit_buckets(Database& db, std::int64_t now) {
    auto forget = TRY(db.prepare("DELETE FROM rate_limit_buckets WHERE updated_at < ?"));
    forget.bind(1, now - 60);
    return forget.run();
}

}  // namespace kimonet::store
