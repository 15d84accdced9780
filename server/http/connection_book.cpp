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

bool ConnectionBook::open(std::uint64_t id, const std::string& address, std::function<void()> close) {
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_max_connections) {
        auto victim = m_entries.end();
        for (auto entry = m_entries.begin(); entry != m_entries.end(); ++entry)
            if (entry->second.quiet && (victim == m_entries.end() || entry->second.since < victim->second.since)) victim = entry;
        if (victim == m_entries.end()) {
            // Every connection is in a request: the address holding the most gives one up.
            std::map<std::string, std::size_t> held;
            for (const auto& [other, entry] : m_entries) ++held[entry.address];
            auto busiest = held.begin();
            for (auto it = held.begin(); it != held.end(); ++it)
                if (it->second > busiest->second) busiest = it;
            if (busiest == held.end() || busiest->first == address || busiest->second <= held[address] + 1) return false;
            for (auto entry = m_entries.begin(); entry != m_entries.end(); ++entry)
                if (entry->second.address == busiest->first && (victim == m_entries.end() || entry->second.since < victim->second.since))
                    victim = entry;
        }
        victim->second.close();
        m_entries.erase(victim);
    }
    m_entries.emplace(id, Entry{true, std::chrono::steady_clock::now(), address, std::move(close)});
    return true;
}

void ConnectionBook::set_quiet(std::uint64_t id, bool quiet) {
    std::lock_guard lock(m_mutex);
    const auto entry = m_entries.find(id);
    if (entry == m_entries.end() || entry->second.quiet == quiet) return;
    entry->second.quiet = quiet;
    entry->second.since = std::chrono::steady_clock::now();
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
