#pragma once
// How an in-process cache of database reads (http/bill_check_cache.hpp) knows when to forget:
// a generation number that moves whenever a commit may have changed the data, and how recent
// that knowledge is. Two sources:
//  - this process: every outermost COMMIT on a connection it opened with the same URL moves
//    `local_commits` (store::commit_counter) before the writer's caller goes on, so a write
//    answered by this server is never followed by a cached answer from before it;
//  - everyone else, seen from the watch's own connection and thread:
//    PostgreSQL: every write transaction sends `NOTIFY kimonet_changes` with its COMMIT (Database::
//    transaction), any server on the database; the watch LISTENs, and every kPeriod it NOTIFYs a
//    channel of its own and waits for it to come back: notifications arrive in commit order, so
//    when its own comes back, every commit before it has been counted.
//    SQLite: `PRAGMA data_version` every kPeriod on its own connection (it changes when another
//    connection, in this process or another such as the CLI, committed).
// caught_up(now, window) is true only while the last such look began within `window`: a lost
// connection or a stuck thread stops it, and the cache then asks the database every time.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"

namespace kimonet::store {

class ChangeWatch {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kPeriod{100};

    // Connects to `url` (its own connection) and starts the thread. `local_commits` is the pool's
    // commit counter (store::commit_counter(url)).
    static Result<std::unique_ptr<ChangeWatch>> start(const std::string& url, std::shared_ptr<const std::atomic<std::uint64_t>> local_commits);
    ~ChangeWatch();
    ChangeWatch(const ChangeWatch&) = delete;
    ChangeWatch& operator=(const ChangeWatch&) = delete;

    // Moves whenever a change may have been committed (never goes back to an earlier value).
    std::uint64_t generation() const;
    // True when every commit made before `now - window` is counted in generation().
    bool caught_up(Clock::time_point now, Clock::duration window) const;

    class Backend;  // per engine, in change_watch.cpp

private:
    ChangeWatch() = default;
    void run(Clock::time_point last_look);

    std::shared_ptr<const std::atomic<std::uint64_t>> m_local;
    std::atomic<std::uint64_t> m_external{1};
    std::atomic<Clock::rep> m_confirmed{0};  // when the last completed look began (Clock ticks); 0 = never
    std::atomic<bool> m_stop{false};
    std::unique_ptr<Backend> m_backend;
    struct Thread;
    std::unique_ptr<Thread> m_thread;
};

}  // namespace kimonet::store
