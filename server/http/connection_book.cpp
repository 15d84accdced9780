#include "http/connection_book.hpp"

namespace kimonet::http {

namespace {

std::mutex g_connection_limits_mutex;
ConnectionLimits g_connection_limits;

}  // namespace

ConnectionLimits connection_limits() {
    std::lock_guard lock(g_connection_limits_mutex);
    return g_connection_limits;
}

void set_connection_limits(const ConnectionLimits& limits) {
    std::lock_guard lock(g_connection_limits_mutex);
    g_connection_limits = limits;
}

bool ConnectionBook::open(std::uint64_t id, std::function<void()> close) {
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_max_connections) {
        auto quietest = m_entries.end();
        for (auto entry = m_entries.begin(); entry != m_entries.end(); ++entry)
            if (entry->second.quiet && (quietest == m_entries.end() || entry->second.quiet_since < quietest->second.quiet_since))
                quietest = entry;
        if (quietest == m_entries.end()) return false;
        quietest->second.close();
        m_entries.erase(quietest);
    }
    m_entries.emplace(id, Entry{true, std::chrono::steady_clock::now(), std::move(close)});
    return true;
}

void ConnectionBook::set_quiet(std::uint64_t id, bool quiet) {
    std::lock_guard lock(m_mutex);
    const auto entry = m_entries.find(id);
    if (entry == m_entries.end() || entry->second.quiet == quiet) return;
    entry->second.quiet = quiet;
    if (quiet) entry->second.quiet_since = std::chrono::steady_clock::now();
}

void ConnectionBook::closed(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
}

std::size_t ConnectionBook::open_count() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

}  // namespace kimonet::http
