#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace kimonet::http {

void RateLimiter::refill(Bucket& bucket, int per_minute, Clock::time_point now) const {
    const double seconds = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min<double>(per_minute, bucket.tokens + seconds * per_minute / 60.0);
    bucket.updated = now;
}

void RateLimiter::forget_idle(Clock::time_point now) {
    // A bucket idle for over a minute is full again: dropping it changes nothing.
    std::erase_if(m_buckets, [&](const auto& entry) { return now - entry.second.updated > std::chrono::minutes(1); });
    if (m_buckets.size() >= m_max_keys) m_buckets.clear();
}

bool RateLimiter::allow(const std::string& key, int per_minute, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() >= m_max_keys) forget_idle(now);
    auto [it, inserted] = m_buckets.try_emplace(key, Bucket{static_cast<double>(per_minute), now});
    Bucket& bucket = it->second;
    if (!inserted) refill(bucket, per_minute, now);
    if (bucket.tokens < 1.0) return false;
    bucket.tokens -= 1.0;
    return true;
}

int RateLimiter::retry_after_seconds(const std::string& key, int per_minute, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end() || per_minute <= 0) return 1;
    refill(it->second, per_minute, now);
    return std::max(1, static_cast<int>(std::ceil((1.0 - it->second.tokens) * 60.0 / per_minute)));
}

}  // namespace kimonet::http
