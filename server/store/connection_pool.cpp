#include "store/connection_pool.hpp"

#include <algorithm>

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
    // The database could not be reached a moment ago (a primary gone, its standby not promoted
    // yet): the request is refused at once, Unavailable, instead of every request of a storm
    // knocking on the standby while it is being promoted.
    // One request tries while the database is away, the others meanwhile get the same answer: a
    // host gone from the network makes each try wait for the connect timeout, and N parallel
    // waits would each hold a worker for it.
    const auto now = std::chrono::steady_clock::now();
    if (m_last_failure && (now < m_retry_at || m_retrying)) return *m_last_failure;
    const bool retrying = m_last_failure.has_value();
    m_retrying = retrying;
    ++m_open;
    ++m_attempts;
    lock.unlock();
    auto opened = Database::open(m_path);
    std::lock_guard relock(m_mutex);
    if (retrying) m_retrying = false;
    if (!opened) {
        --m_open;
        m_available.notify_one();
        // 25 ms, doubling while the database stays away, at most kMaxBackoff between attempts.
        m_backoff = std::min(kMaxBackoff, m_backoff.count() == 0 ? kFirstBackoff : m_backoff * 2);
        m_retry_at = std::chrono::steady_clock::now() + m_backoff;
        m_last_failure = opened.error();
        return std::move(opened).error();
    }
    m_backoff = {};
    m_last_failure.reset();
    return Lease(this, std::move(opened).value());
}

std::int64_t ConnectionPool::connection_attempts() const {
    std::lock_guard lock(m_mutex);
    return m_attempts;
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
