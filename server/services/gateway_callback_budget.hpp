#pragma once
// How many callbacks we did not believe (bad signature or token, malformed, unknown order, the
// status API unreachable) may be written down: per source address and for everyone together, per
// minute of the application clock. Beyond that a rejection is answered 429 and stores nothing, so
// a flood of forgeries costs the database at most a few rows a minute, whatever its size or
// number of sources. In memory, bounded: the counts start over every minute.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kimonet::services {

class CallbackRejectionBudget {
public:
    static constexpr int kPerSourcePerMinute = 10;
    static constexpr int kTotalPerMinute = 60;
    static constexpr std::size_t kMaxSources = 10'000;

    // Takes one from the budget of `source` at `now` (Unix seconds); false when it is spent.
    bool allow(const std::string& source, std::int64_t now);
    // Seconds until the budget starts over.
    int retry_after_seconds(std::int64_t now) const { return static_cast<int>(60 - (now % 60 + 60) % 60); }

private:
    std::mutex m_mutex;
    std::int64_t m_minute = -1;
    int m_total = 0;
    std::unordered_map<std::string, int> m_per_source;
};

}  // namespace kimonet::services
