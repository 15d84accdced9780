#pragma once
// A real PostgreSQL for the tests: one server per test process, started on first use and stopped
// at exit, with a fresh database per test.
//
// The engine the integration tests run on comes from KIMONET_TEST_ENGINE: unset or "sqlite" (a
// temp file per TestServer, the default), or "postgresql" (a database per TestServer, copied from
// a migrated template, ~150 ms each, made ahead by a worker thread while the tests run). The
// same test_server binary runs either way; ctest's server.postgresql.* entries set it.
//
// The server: support/postgresql_server.hpp (initdb into a temp dir, a free loopback port, the
// unix socket in the temp dir, gone with this process), here with fsync off.
#include <memory>
#include <mutex>
#include <string>

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
