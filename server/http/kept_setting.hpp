#pragma once
// One setting a public route reads on every request, kept in memory for a few seconds (issue 18:
// GET / read billing_base_domain from the database on every load of the app). Several servers may
// share one database, and a setting changed on any of them must take effect on all:
//  - a kept value is used for less than `ttl_seconds` of the App's Clock after it was read (in
//    tests a ManualClock, so "another server's change shows within 5 s" is tested without sleeping);
//  - it is forgotten at once when this process commits anything through this database URL
//    (store::commit_counter moves before the writer's caller goes on): a change made through this
//    server is seen by its very next request;
//  - a clock that went back, or a read that failed, keeps nothing.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "core/result.hpp"

namespace kimonet::http {

class KeptSetting {
public:
    static constexpr std::int64_t kTtlSeconds = 5;

    KeptSetting(const app::Clock& clock, std::shared_ptr<const std::atomic<std::uint64_t>> local_commits,
                std::int64_t ttl_seconds = kTtlSeconds);

    // The kept value, or `read()`'s (kept when it succeeds).
    Result<std::string> get(const std::function<Result<std::string>()>& read);

private:
    const app::Clock& m_clock;
    std::shared_ptr<const std::atomic<std::uint64_t>> m_local_commits;
    std::int64_t m_ttl_seconds;

    std::mutex m_mutex;
    std::optional<std::string> m_value;
    std::int64_t m_read_at = 0;       // the clock when it was read
    std::uint64_t m_commits_at = 0;  // the commit counter before it was read
};

}  // namespace kimonet::http
