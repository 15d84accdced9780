#include "http/public_limit.hpp"

#include "http/client_address.hpp"
#include "http/html.hpp"
#include "store/rate_limit_store.hpp"

namespace kimonet::http {

RateLimiter::Clock::time_point limiter_time(std::int64_t unix_seconds) {
    return RateLimiter::Clock::time_point(std::chrono::seconds(unix_seconds));
}

RateLimiter::Decision take_token(RateLimiter& local, const std::string& key, int per_minute, const app::Context& context) {
    if (per_minute <= 0) return {false, 60};
    // Inside a caller's transaction the take would roll back with it (and a failure would abort it
    // on PostgreSQL): the local bucket then. No route limits inside one today.
    if (context.db.engine() == store::Engine::Postgresql && !context.db.in_transaction()) {
        if (auto shared = store::take_rate_limit_token(context.db, key, per_minute, context.now))
            return {shared->allowed, shared->retry_after_seconds};
    }
    return local.take(key, per_minute, limiter_time(context.now));
}

std::optional<Response> refuse_when_limited(RateLimiter& limiter, const std::string& bucket, const Request& request,
                                            const app::Context& context, int per_minute, const std::string& message, bool as_html) {
    // Keyed by the client IP only (an IPv6 client by its /64): one source running dry never limits another.
    return refuse_when_key_limited(limiter, bucket + ":" + limit_source(request.client_ip), context, per_minute, message, as_html);
}

std::optional<Response> refuse_when_key_limited(RateLimiter& limiter, const std::string& key, const app::Context& context, int per_minute,
                                                const std::string& message, bool as_html) {
    if (per_minute <= 0) return std::nullopt;
    const auto decision = take_token(limiter, key, per_minute, context);
    if (decision.allowed) return std::nullopt;
    const std::string text = messages::with_detail(message.c_str(), std::to_string(decision.retry_after_seconds));
    Response response = as_html ? html("<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                                           "<title>Terlalu banyak permintaan</title><p>" +
                                           html_escape(text) + "</p></html>",
                                       429)
                                : json_error(make_error(ErrorCode::RateLimited, text));
    response.headers["Retry-After"] = std::to_string(decision.retry_after_seconds);
    return response;
}

}  // namespace kimonet::http
