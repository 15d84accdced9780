#include "app/worker_log.hpp"

#include <cstdio>

#include "network/peer_replies.hpp"

namespace kimonet::app {

void WorkerLog::report(std::string worker, bool problem, std::string message) {
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= kMaxEntries) m_entries.erase(m_entries.begin(), m_entries.begin() + kMaxEntries / 2);
        m_entries.push_back({std::move(worker), problem, std::move(message)});
        if (problem) ++m_problems;
    }
    m_changed.notify_all();
}

void WorkerLog::problem(const std::string& worker, const std::string& message) {
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        std::string& last = m_last_problem[worker];
        changed = last != message;
        last = message;
    }
    if (changed) std::fprintf(stderr, "%s: %s\n", worker.c_str(), network::terminal_line(message).c_str());
    report(worker, true, message);
}

void WorkerLog::done(const std::string& worker, const std::string& message) {
    {
        std::lock_guard lock(m_mutex);
        m_last_problem.erase(worker);
    }
    if (!message.empty()) report(worker, false, message);
}

std::vector<WorkerEntry> WorkerLog::entries() const {
    std::lock_guard lock(m_mutex);
    return m_entries;
}

std::int64_t WorkerLog::problem_count() const {
    std::lock_guard lock(m_mutex);
    return m_problems;
}

bool WorkerLog::wait_until(const std::function<bool(const std::vector<WorkerEntry>&)>& ready, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return ready(m_entries); });
}

}  // namespace kimonet::app
