#pragma once
// What the background workers (network, outbox, scheduler) ran into and did, kept in memory for
// whoever watches them: `kimonet serve` prints problems to stderr as they change, a test reads
// every entry (and can wait for one) instead of scraping stderr.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kimonet::app {

struct WorkerEntry {
    std::string worker;   // "network", "outbox", …
    bool problem = false; // true: an error; false: a round that did something
    std::string message;
};

class WorkerLog {
public:
    static constexpr std::size_t kMaxEntries = 1000;

    void report(std::string worker, bool problem, std::string message);
    // The end of one round of a worker, the one way every runner reports it. A problem is kept and
    // printed to stderr when it differs from that worker's last one (a router down for an hour
    // prints once); a round that worked keeps `message` when it is not empty and lets the next
    // problem print again.
    void problem(const std::string& worker, const std::string& message);
    void done(const std::string& worker, const std::string& message);
    // Every entry kept (the oldest are dropped past kMaxEntries; problems are counted regardless).
    std::vector<WorkerEntry> entries() const;
    std::int64_t problem_count() const;
    // Waits until `ready(entries)` holds or `timeout` passes; returns whether it holds.
    bool wait_until(const std::function<bool(const std::vector<WorkerEntry>&)>& ready, std::chrono::milliseconds timeout) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<WorkerEntry> m_entries;
    std::int64_t m_problems = 0;
    std::map<std::string, std::string> m_last_problem;  // per worker, for printing once per change
};

}  // namespace kimonet::app
