#pragma once
// A small pool of connections (SQLite or PostgreSQL, by the URL) for the HTTP worker threads
// (SQLite's WAL lets readers run beside one writer). A Lease returns its connection when it goes
// out of scope; a broken one (PostgreSQL connection lost) is closed instead. While the database
// cannot be reached, a new connection is tried by one request at a time after a growing pause
// (25 ms up to 200 ms) and the requests in between are answered Unavailable at once.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

class ConnectionPool {
public:
    class Lease {
    public:
        Lease(ConnectionPool* pool, std::unique_ptr<Database> db) : m_pool(pool), m_db(std::move(db)) {}
        Lease(Lease&&) = default;
        ~Lease();
        Database& operator*() { return *m_db; }
        Database* operator->() { return m_db.get(); }

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<Database> m_db;
    };

    // Opens one connection to verify the path or URL; more are opened on demand up to `max_size`.
    static Result<std::unique_ptr<ConnectionPool>> open(const std::string& path, std::size_t max_size);
    Result<Lease> acquire();
    const std::string& path() const { return m_path; }
    // Connections this pool tried to open after the first (each a connection attempt on the server).
    std::int64_t connection_attempts() const;

    static constexpr std::chrono::milliseconds kFirstBackoff{25};
    static constexpr std::chrono::milliseconds kMaxBackoff{200};

private:
    ConnectionPool(std::string path, std::size_t max_size) : m_path(std::move(path)), m_max_size(max_size) {}
    void release(std::unique_ptr<Database> db);

    std::string m_path;
    std::size_t m_max_size;
    std::size_t m_open = 0;
    std::vector<std::unique_ptr<Database>> m_idle;
    std::int64_t m_attempts = 0;
    std::chrono::milliseconds m_backoff{0};
    std::chrono::steady_clock::time_point m_retry_at;
    std::optional<Error> m_last_failure;  // the answer while m_retry_at has not come
    bool m_retrying = false;              // a try after a failure is under way
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
};

}  // namespace kimonet::store
