#pragma once
// The per-source limit of the anonymous endpoints (bill check, pay, bill page, registration,
// isolir page): a token from `bucket` for the request's client IP, or the 429 answer itself,
// carrying Retry-After, for the route to return as is.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "http/rate_limiter.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace kimonet::http {

// Buckets run on the application clock (app.clock(), as context.now), so tests move time.
RateLimiter::Clock::time_point limiter_time(std::int64_t unix_seconds);

// Takes one token of `key` (a bucket name and a source). On PostgreSQL the bucket is a row shared
// by every server on that database (store/rate_limit_store.hpp): N servers behind a load balancer
// limit a source exactly as one does. On SQLite (one process) it is `local`, in memory. Should the
// shared bucket fail (the database is busy or gone), `local` decides: still a limit, per server.
RateLimiter::Decision take_token(RateLimiter& local, const std::string& key, int per_minute, const app::Context& context);

// nullopt: go ahead. Otherwise the 429 (JSON envelope, or the HTML page when `as_html`), whose
// message is `message` followed by "Coba lagi dalam N detik.". `per_minute` <= 0 means no limit.
std::optional<Response> refuse_when_limited(RateLimiter& limiter, const std::string& bucket, const Request& request,
                                            const app::Context& context, int per_minute, const std::string& message, bool as_html = false);
// The same for a key of the route's own choosing (a signed link's invoice rather than the source,
// whose address may be a provider's fetcher shared by many customers).
std::optional<Response> refuse_when_key_limited(RateLimiter& limiter, const std::string& key, const app::Context& context, int per_minute,
                                                const std::string& message, bool as_html = false);

}  // namespace kimonet::http
