#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace kimonet::http {

namespace {

int seconds_until_token(double tokens, int per_minute) {
    if (per_minute <= 0) return 60;
    return std::max(1, static_cast<int>(std::ceil((1.0 - tokens) * 60.0 / per_minute)));
}

}  // namespace

void RateLimiter::refill(Bucket& bucket, int per_minute, Clock::time_point now) const {
    const double seconds = std::max(0.0, std::chrono::duration<double>(now - bucket.updated).count());
    bucket.tokens = std::min<double>(per_minute, bucket.tokens + seconds * per_minute / 60.0);
    bucket.updated = std::max(bucket.updated, now);
}

void RateLimiter::make_room(Clock::time_point now) {
    // A bucket idle for over a minute is full again: dropping it changes nothing.
    std::erase_if(m_buckets, [&](const auto& entry) { return now - entry.second.updated > std::chrono::minutes(1); });
    if (m_buckets.size() < m_max_keys) return;
    // Every key is busy: drop the one with the most tokens left, the one that loses least by
    // starting afresh. Never clear everything (that would unblock every limited source at once).
    auto fullest = std::max_element(m_buckets.begin(), m_buckets.end(),
                                    [](const auto& left, const auto& right) { return left.second.tokens < right.second.tokens; });
    if (fullest != m_buckets.end()) m_buckets.erase(fullest);
}

RateLimiter::Decision RateLimiter::take(const std::string& key, int per_minute, Clock::time_point now) {
    if (per_minute <= 0) return {false, 60};
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() >= m_max_keys && !m_buckets.contains(key)) make_room(now);
    auto [it, inserted] = m_buckets.try_emplace(key, Bucket{static_cast<double>(per_minute), now});
    Bucket& bucket = it->second;
    if (!inserted) refill(bucket, per_minute, now);
    if (bucket.tokens < 1.0) return {false, seconds_until_token(bucket.tokens, per_minute)};
    bucket.tokens -= 1.0;
    return {true, 0};
}

bool RateLimiter::allow(const std::string& key, int per_minute, Clock::time_point now) { return take(key, per_minute, now).allowed; }

int RateLimiter::retry_after_seconds(const std::string& key, int per_minute, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end() || per_minute <= 0) return 1;
    refill(it->second, per_minute, now);
    return seconds_until_token(it->second.tokens, per_minute);
}

std::size_t RateLimiter::size() {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace kimonet::http
