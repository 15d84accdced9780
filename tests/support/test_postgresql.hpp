#pragma once
// A real PostgreSQL for the tests: one server per test process, started on first use and stopped
// at exit, with a fresh database per test.
//
// The engine the integration tests run on comes from KIMONET_TEST_ENGINE: unset or "sqlite" (a
// temp file per TestServer, the default), or "postgresql" (a database per TestServer, copied from
// a migrated template, ~150 ms each, made ahead by a worker thread while the tests run). The
// same test_server binary runs either way; ctest's postgresql.* entries (one per area) set it.
//
// The server: support/postgresql_server.hpp (initdb into a temp dir, a free loopback port, the
// unix socket in the temp dir, gone with this process), here with fsync off.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "support/postgresql_server.hpp"

namespace kimonet::testing {

// True when KIMONET_TEST_ENGINE=postgresql.
bool testing_postgresql();

class TestPostgresql {
public:
    // The server of this process (started on the first call; a failure to start fails the test).
    static TestPostgresql& instance();
    ~TestPostgresql();
    TestPostgresql(const TestPostgresql&) = delete;
    TestPostgresql& operator=(const TestPostgresql&) = delete;

    std::string url(const std::string& database) const;
    // A new database: migrated (a copy of the template) or empty. Returns its URL.
    std::string create_database(bool migrated);
    void drop_database(const std::string& url);

private:
    TestPostgresql() = default;
    void start();
    void stop();
    Result<void> admin(const std::string& sql);

    std::unique_ptr<PostgresqlServer> m_server;
    int m_next = 0;
    bool m_template_ready = false;
    std::unique_ptr<store::Database> m_admin;
    std::mutex m_mutex;
};

// One fresh database for one test, on the given engine: an SQLite file in `directory`, or a
// PostgreSQL database dropped again when this object dies.
class TestDatabase {
public:
    TestDatabase(store::Engine engine, const std::string& directory, bool migrated = true);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    const std::string& url() const { return m_url; }
    store::Engine engine() const { return m_engine; }
    // A new connection to it.
    std::unique_ptr<store::Database> open() const;

private:
    store::Engine m_engine;
    std::string m_url;
};

}  // namespace kimonet::testing

namespace kimonet::testing {

// A primary with a synchronous standby, for the failover test (its own two servers, not the
// shared one above): initdb, the primary on a free loopback port with synchronous_commit=on and
// synchronous_standby_names='*', the standby made by `pg_basebackup -R` and streaming from it.
// The constructor returns once the standby is the primary's synchronous standby: from then on a
// commit reported to a client is on both. Both stop (and their temp dir goes) with this object.
class TestPostgresqlStandbyPair {
public:
    TestPostgresqlStandbyPair();
    ~TestPostgresqlStandbyPair();
    TestPostgresqlStandbyPair(const TestPostgresqlStandbyPair&) = delete;
    TestPostgresqlStandbyPair& operator=(const TestPostgresqlStandbyPair&) = delete;

    // One server, over TCP on the loopback.
    std::string primary_url(const std::string& database) const;
    std::string standby_url(const std::string& database) const;
    // Both hosts; libpq takes the one that accepts writes (what a kimonet server is given).
    std::string failover_url(const std::string& database) const;

    // kill -9 of the primary's postmaster (its backends end when they notice), reaped.
    void kill_primary();
    // pg_promote() on the standby; returns once it accepts writes.
    Result<void> promote_standby();

private:
    struct Node {
        int port = 0;
        int pid = 0;
    };
    Node start_node(const std::string& data, const std::vector<std::string>& settings);
    static void stop_node(Node& node);

    std::string m_directory;
    Node m_primary, m_standby;
};

}  // namespace kimonet::testing
