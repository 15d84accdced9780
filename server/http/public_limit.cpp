#include "http/public_limit.hpp"

#include "http/html.hpp"

namespace kimonet::http {

RateLimiter::Clock::time_point limiter_time(std::int64_t unix_seconds) {
    return RateLimiter::Clock::time_point(std::chrono::seconds(unix_seconds));
}

std::optional<Response> refuse_when_limited(RateLimiter& limiter, const std::string& bucket, const Request& request,
                                            const app::Context& context, int per_minute, const std::string& message, bool as_html) {
    if (per_minute <= 0) return std::nullopt;
    // Keyed by the client IP only: one source running dry never limits another.
    const auto decision = limiter.take(bucket + ":" + request.client_ip, per_minute, limiter_time(context.now));
    if (decision.allowed) return std::nullopt;
    const std::string text = messages::with_detail(message.c_str(), std::to_string(decision.retry_after_seconds));
    Response response = as_html ? html("<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>Terlalu banyak permintaan</title><p>" +
                                           html_escape(text) + "</p></html>",
                                       429)
                                : json_error(make_error(ErrorCode::RateLimited, text));
    response.headers["Retry-After"] = std::to_string(decision.retry_after_seconds);
    return response;
}

}  // namespace kimonet::http
