#include "store/connection_pool.hpp"

namespace kimonet::store {

ConnectionPool::Lease::~Lease() {
    if (m_pool && m_db) m_pool->release(std::move(m_db));
}

Result<std::unique_ptr<ConnectionPool>> ConnectionPool::open(const std::string& path, std::size_t max_size) {
    std::unique_ptr<ConnectionPool> pool(new ConnectionPool(path, max_size < 1 ? 1 : max_size));
    auto first = TRY(Database::open(path));
    pool->m_idle.push_back(std::move(first));
    pool->m_open = 1;
    return pool;
}

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [&] { return !m_idle.empty() || m_open < m_max_size; });
    while (!m_idle.empty()) {
        auto db = std::move(m_idle.back());
        m_idle.pop_back();
        // The server may have ended it while it lay idle (failover, restart): a new one instead,
        // rather than a failed request.
        if (!db->broken()) return Lease(this, std::move(db));
        --m_open;
    }
    ++m_open;
    lock.unlock();
    auto opened = Database::open(m_path);
    if (!opened) {
        std::lock_guard relock(m_mutex);
        --m_open;
        m_available.notify_one();
        return std::move(opened).error();
    }
    return Lease(this, std::move(opened).value());
}

void ConnectionPool::release(std::unique_ptr<Database> db) {
    {
        std::lock_guard lock(m_mutex);
        // A connection the server dropped (PostgreSQL restarted, failover) is not handed out
        // again: the next acquire() opens a fresh one.
        // A lost server usually takes every connection with it (a failover): the idle ones go too,
        // even those whose loss their socket does not show yet (a host gone from the network).
        if (db->broken()) {
            m_open -= m_idle.size() + 1;
            m_idle.clear();
        } else {
            m_idle.push_back(std::move(db));
        }
    }
    m_available.notify_one();
}

}  // namespace kimonet::store
