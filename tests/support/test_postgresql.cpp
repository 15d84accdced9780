#include "support/test_postgresql.hpp"

#include <atomic>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <boost/test/unit_test.hpp>
#include <thread>

#include "store/migrations.hpp"
#include "support/postgresql_server.hpp"

#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>

namespace kimonet::testing {

namespace {

constexpr const char* kTemplate = "kimonet_template";

// The worker that makes copies of the template ahead (~150 ms each) and drops finished databases,
// off the tests' path. Kept here rather than in the header that every test includes.
struct Ahead {
    std::mutex mutex;
    std::condition_variable changed;
    bool stopping = false;
    std::deque<std::string> ready, to_drop;
    std::string error;
    std::thread worker;
};

Ahead& ahead() {
    static Ahead* state = new Ahead();  // outlives the server object's destruction at exit
    return *state;
}

}  // namespace

bool testing_postgresql() {
    const char* engine = std::getenv("KIMONET_TEST_ENGINE");
    return engine && std::string_view(engine) == "postgresql";
}

TestPostgresql& TestPostgresql::instance() {
    static std::unique_ptr<TestPostgresql> server;
    static std::mutex starting;
    std::lock_guard lock(starting);
    if (!server) {
        std::unique_ptr<TestPostgresql> started(new TestPostgresql());
        started->start();
        server = std::move(started);
    }
    return *server;
}

TestPostgresql::~TestPostgresql() { stop(); }

void TestPostgresql::start() {
    auto started = PostgresqlServer::start(fast_test_settings());
    BOOST_TEST_REQUIRE(started.ok(), (started ? "" : started.error().message()));
    m_server = std::move(*started);
}

void TestPostgresql::stop() {
    Ahead& state = ahead();
    {
        std::lock_guard lock(state.mutex);
        state.stopping = true;
        state.changed.notify_all();
    }
    if (state.worker.joinable()) state.worker.join();
    m_admin.reset();
    m_server.reset();
}

std::string TestPostgresql::url(const std::string& database) const { return m_server->url(database); }

Result<void> TestPostgresql::admin(const std::string& sql) {
    if (!m_admin) m_admin = TRY(store::Database::open(url("postgres")));
    return m_admin->execute(sql);
}

std::string TestPostgresql::create_database(bool migrated) {
    Ahead& state = ahead();
    {
        std::lock_guard lock(m_mutex);  // m_admin, m_next, m_template_ready
        if (!migrated) {
            const std::string name = "test_empty_" + std::to_string(++m_next);
            auto created = admin("CREATE DATABASE " + name + " TEMPLATE template0 STRATEGY FILE_COPY");
            BOOST_TEST_REQUIRE(created.ok(), (created ? "" : created.error().message()));
            return url(name);
        }
        if (!m_template_ready) {
            auto created = admin(std::string("CREATE DATABASE ") + kTemplate);
            BOOST_TEST_REQUIRE(created.ok(), (created ? "" : created.error().message()));
            auto opened = store::Database::open(url(kTemplate));
            BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
            auto applied = store::migrate(**opened);
            BOOST_TEST_REQUIRE(applied.ok(), (applied ? "" : applied.error().message()));
            m_template_ready = true;  // `opened` closes here: a template must have no sessions
            state.worker = std::thread([this, &state] {
                // Keeps two copies ready; errors go to the next create_database() (no assertions here).
                std::unique_ptr<store::Database> connection;
                int next = 0;
                std::unique_lock lock(state.mutex);
                while (true) {
                    state.changed.wait(lock, [&] { return state.stopping || !state.to_drop.empty() || state.ready.size() < 2; });
                    if (state.stopping) return;
                    std::string sql, name;
                    if (!state.to_drop.empty()) {
                        sql = "DROP DATABASE IF EXISTS " + state.to_drop.front() + " WITH (FORCE)";
                        state.to_drop.pop_front();
                    } else {
                        name = "test_" + std::to_string(++next);
                        sql = "CREATE DATABASE " + name + " TEMPLATE " + kTemplate + " STRATEGY FILE_COPY";
                    }
                    lock.unlock();
                    Result<void> done;
                    if (!connection) {
                        auto opened = store::Database::open(url("postgres"));
                        if (opened) connection = std::move(*opened);
                        else done = Result<void>(opened.error());
                    }
                    if (connection) done = connection->execute(sql);
                    lock.lock();
                    if (!done && !name.empty()) {
                        state.error = done.error().message();
                        state.changed.notify_all();
                        return;
                    }
                    if (!name.empty()) state.ready.push_back(name);
                    state.changed.notify_all();
                }
            });
        }
    }
    std::unique_lock lock(state.mutex);
    state.changed.wait(lock, [&] { return !state.ready.empty() || !state.error.empty(); });
    BOOST_TEST_REQUIRE(state.error.empty(), state.error);
    const std::string name = state.ready.front();
    state.ready.pop_front();
    state.changed.notify_all();
    return url(name);
}

void TestPostgresql::drop_database(const std::string& database_url) {
    const auto slash = database_url.find('/', std::string_view("postgresql://").size());
    const auto query = database_url.find('?', slash);
    // Best effort (called from destructors): the whole cluster goes at the end of the run anyway.
    Ahead& state = ahead();
    std::lock_guard lock(state.mutex);
    if (!state.worker.joinable() || state.stopping) return;
    state.to_drop.push_back(database_url.substr(slash + 1, query - slash - 1));
    state.changed.notify_all();
}

TestDatabase::TestDatabase(store::Engine engine, const std::string& directory, bool migrated) : m_engine(engine) {
    static std::atomic<int> counter{0};
    if (engine == store::Engine::Postgresql) {
        m_url = TestPostgresql::instance().create_database(migrated);
        return;
    }
    m_url = directory + "/test-" + std::to_string(++counter) + ".db";
    if (migrated) {
        auto db = open();
        auto applied = store::migrate(*db);
        BOOST_TEST_REQUIRE(applied.ok(), (applied ? "" : applied.error().message()));
    }
}

TestDatabase::~TestDatabase() {
    if (m_engine == store::Engine::Postgresql) TestPostgresql::instance().drop_database(m_url);
}

std::unique_ptr<store::Database> TestDatabase::open() const {
    auto opened = store::Database::open(m_url);
    BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
    return std::move(*opened);
}

}  // namespace kimonet::testing

namespace kimonet::testing {

using namespace postgresql_process;

namespace {

// Runs a program to its end (as the postgres user when root); false with its output on failure.
bool run_to_end(const std::vector<std::string>& arguments, const std::string& log) {
    const pid_t child = spawn(arguments, log, false);
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string tcp_url(int port, const std::string& database) {
    return "postgresql://kimonet@127.0.0.1:" + std::to_string(port) + "/" + database + "?connect_timeout=2";
}

}  // namespace

TestPostgresqlStandbyPair::TestPostgresqlStandbyPair() {
    remove_stale_directories();
    const std::string bin = postgresql_bin();
    BOOST_TEST_REQUIRE(!bin.empty(), "PostgreSQL server binaries not found (Debian package postgresql; or set KIMONET_PG_BIN)");
    std::random_device random;
    m_directory = (std::filesystem::temp_directory_path() /
                   ("kimonet-pg-" + std::to_string(::getpid()) + "-standby-" + std::to_string(random())))
                      .string();
    std::filesystem::create_directories(m_directory);
    ::chmod(m_directory.c_str(), 0700);
    if (running_as_root()) {
        const passwd* user = ::getpwnam("postgres");
        BOOST_TEST_REQUIRE(user != nullptr, "running as root needs the postgres system user (Debian package postgresql)");
        BOOST_TEST_REQUIRE(::chown(m_directory.c_str(), user->pw_uid, user->pw_gid) == 0);
    }
    const std::string log = m_directory + "/setup.log";
    BOOST_TEST_REQUIRE(run_to_end({bin + "/initdb", "-D", m_directory + "/primary", "-U", "kimonet", "--auth=trust", "-E", "UTF8",
                                   "--locale=C.UTF-8", "--no-sync", "--no-instructions"},
                                  log),
                       "initdb failed:\n" << read_file(log));
    // Commits wait for the standby's flush (synchronous_commit=on): what the primary acknowledges
    // survives its loss. fsync stays off: the test kills processes, not the machine.
    m_primary = start_node(m_directory + "/primary", {"synchronous_commit=on", "synchronous_standby_names=*", "fsync=off",
                                                      "wal_level=replica", "max_wal_senders=4"});
    BOOST_TEST_REQUIRE(run_to_end({bin + "/pg_basebackup", "-D", m_directory + "/standby", "-h", "127.0.0.1", "-p",
                                   std::to_string(m_primary.port), "-U", "kimonet", "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"},
                                  log),
                       "pg_basebackup failed:\n" << read_file(log));
    // Not synchronous_standby_names: promoted, it has no standby of its own to wait for. Its lost
    // primary is retried every 200 ms rather than the default 5 s: a promotion asked for during
    // that wait otherwise waits it out too (seen: 5 s promotions).
    m_standby = start_node(m_directory + "/standby", {"fsync=off", "hot_standby=on", "wal_retrieve_retry_interval=200ms"});
    // Ready when the primary reports its standby as synchronous (polled, with a deadline).
    PGconn* primary = PQconnectdb(primary_url("postgres").c_str());
    bool synchronous = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!synchronous && PQstatus(primary) == CONNECTION_OK && std::chrono::steady_clock::now() < deadline) {
        PGresult* result = PQexec(primary, "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync' AND state = 'streaming'");
        synchronous = PQresultStatus(result) == PGRES_TUPLES_OK && std::string_view(PQgetvalue(result, 0, 0)) == "1";
        PQclear(result);
        if (!synchronous) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    PQfinish(primary);
    BOOST_TEST_REQUIRE(synchronous, "the standby did not become synchronous:\n" << read_file(m_directory + "/standby.log"));
}

TestPostgresqlStandbyPair::Node TestPostgresqlStandbyPair::start_node(const std::string& data, const std::vector<std::string>& settings) {
    const std::string bin = postgresql_bin();
    const std::string log = data + ".log";
    Node node;
    for (int attempt = 0; attempt < 3 && node.pid == 0; ++attempt) {
        const int port = free_loopback_port();
        std::vector<std::string> arguments{bin + "/postgres", "-D", data, "-p", std::to_string(port), "-k", m_directory,
                                           "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100", "-c", "shared_buffers=32MB"};
        for (const std::string& setting : settings) {
            arguments.push_back("-c");
            arguments.push_back(setting);
        }
        const pid_t server = spawn(arguments, log, true);
        const std::string ping = tcp_url(port, "postgres");
        int status = 0;
        for (int wait = 0; wait < 600; ++wait) {  // up to 30 s
            if (::waitpid(server, &status, WNOHANG) == server) break;  // exited: port taken meanwhile?
            if (PQping(ping.c_str()) == PQPING_OK) {
                node = Node{port, server};
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (node.pid == 0) {
            ::kill(server, SIGKILL);
            ::waitpid(server, &status, 0);
        }
    }
    BOOST_TEST_REQUIRE(node.pid != 0, "postgres did not start:\n" << read_file(log));
    return node;
}

void TestPostgresqlStandbyPair::stop_node(Node& node) {
    if (node.pid <= 0) return;
    ::kill(node.pid, SIGINT);  // fast shutdown
    int status = 0;
    bool gone = false;
    for (int wait = 0; wait < 200 && !gone; ++wait) {
        gone = ::waitpid(node.pid, &status, WNOHANG) == node.pid;
        if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!gone) {
        ::kill(node.pid, SIGKILL);
        ::waitpid(node.pid, &status, 0);
    }
    node.pid = 0;
}

TestPostgresqlStandbyPair::~TestPostgresqlStandbyPair() {
    stop_node(m_standby);
    stop_node(m_primary);
    std::error_code ignored;
    if (!m_directory.empty()) std::filesystem::remove_all(m_directory, ignored);
}

std::string TestPostgresqlStandbyPair::primary_url(const std::string& database) const { return tcp_url(m_primary.port, database); }
std::string TestPostgresqlStandbyPair::standby_url(const std::string& database) const { return tcp_url(m_standby.port, database); }

std::string TestPostgresqlStandbyPair::failover_url(const std::string& database) const {
    return "postgresql://kimonet@127.0.0.1:" + std::to_string(m_primary.port) + ",127.0.0.1:" + std::to_string(m_standby.port) + "/" +
           database + "?target_session_attrs=read-write&connect_timeout=2";
}

void TestPostgresqlStandbyPair::kill_primary() {
    if (m_primary.pid <= 0) return;
    ::kill(m_primary.pid, SIGKILL);
    int status = 0;
    ::waitpid(m_primary.pid, &status, 0);
    m_primary.pid = 0;
}

Result<void> TestPostgresqlStandbyPair::promote_standby() {
    // libpq directly: a store::Database sets its session up with a write, which a standby refuses.
    PGconn* standby = PQconnectdb(standby_url("postgres").c_str());
    // pg_promote waits (up to 30 s) until the standby has left recovery and accepts writes.
    PGresult* result = PQstatus(standby) == CONNECTION_OK ? PQexec(standby, "SELECT pg_promote(true, 30)") : nullptr;
    const bool promoted = result && PQresultStatus(result) == PGRES_TUPLES_OK && std::string_view(PQgetvalue(result, 0, 0)) == "t";
    const std::string message = PQerrorMessage(standby);
    PQclear(result);
    PQfinish(standby);
    if (!promoted) return make_error(ErrorCode::Unavailable, "pg_promote did not finish: " + message);
    return success();
}

}  // namespace kimonet::testing
