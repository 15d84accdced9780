#pragma once
// An in-memory token bucket per key (client IP), for public endpoints that must not be
// scraped or hammered (bill check, pay). Each key holds up to `per_minute` tokens, refilled
// continuously at per_minute/60 per second; idle keys are forgotten so memory stays bounded.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kimonet::http {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    explicit RateLimiter(std::size_t max_keys = 100'000) : m_max_keys(max_keys) {}

    // Takes one token for `key`; false when its bucket is empty (answer 429).
    bool allow(const std::string& key, int per_minute, Clock::time_point now = Clock::now());
    // Seconds until `key` has a token again (for Retry-After).
    int retry_after_seconds(const std::string& key, int per_minute, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    void refill(Bucket& bucket, int per_minute, Clock::time_point now) const;
    void forget_idle(Clock::time_point now);

    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    std::size_t m_max_keys;
};

}  // namespace kimonet::http
