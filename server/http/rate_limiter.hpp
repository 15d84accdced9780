#pragma once
// An in-memory token bucket per key (the bucket name and the client IP), for public endpoints
// that must not be scraped or hammered (bill check, pay, bill page, registration, isolir page).
// Each key holds up to `per_minute` tokens, refilled continuously at per_minute/60 per second.
// One source emptying its bucket never touches another's. Memory is bounded: idle keys (a full
// bucket) are forgotten, and when `max_keys` are all busy the fullest bucket makes room, so a
// flood of new sources can neither grow memory nor reset a limited source's bucket.
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

    struct Decision {
        bool allowed = true;
        int retry_after_seconds = 0;  // when refused: seconds until the next token (>= 1)
    };
    // Takes one token for `key` and says when the next one comes if there is none: one lock, so
    // concurrent requests can never take more tokens than the bucket holds.
    Decision take(const std::string& key, int per_minute, Clock::time_point now = Clock::now());

    // Takes one token for `key`; false when its bucket is empty (answer 429).
    bool allow(const std::string& key, int per_minute, Clock::time_point now = Clock::now());
    // Seconds until `key` has a token again (for Retry-After).
    int retry_after_seconds(const std::string& key, int per_minute, Clock::time_point now = Clock::now());
    std::size_t size();

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    void refill(Bucket& bucket, int per_minute, Clock::time_point now) const;
    void make_room(Clock::time_point now);

    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    std::size_t m_max_keys;
};

}  // namespace kimonet::http
