#include "support/test_postgresql.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <cerrno>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "store/migrations.hpp"

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

// Debian's server binaries: KIMONET_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin.
std::string postgresql_bin() {
    if (const char* configured = std::getenv("KIMONET_PG_BIN"); configured && *configured) return configured;
    std::string best;
    int best_version = 0;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ignored)) {
        const int version = std::atoi(entry.path().filename().c_str());
        if (version > best_version && std::filesystem::exists(entry.path() / "bin/postgres")) {
            best_version = version;
            best = (entry.path() / "bin").string();
        }
    }
    return best;
}

bool running_as_root() { return ::geteuid() == 0; }

// Starts `arguments` (as the postgres user when we are root) with output to `log`. With
// `tied`, the child gets SIGINT when this thread's process dies (prctl, or setpriv as root).
pid_t spawn(std::vector<std::string> arguments, const std::string& log, bool tied) {
    if (running_as_root()) {
        std::vector<std::string> wrapped{"/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"};
        if (tied) wrapped.push_back("--pdeathsig=INT");
        wrapped.push_back("--");
        wrapped.insert(wrapped.end(), arguments.begin(), arguments.end());
        arguments = std::move(wrapped);
    }
    // Everything the child needs is built before fork(): between fork and exec only system calls.
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        if (tied && !running_as_root()) {
            ::prctl(PR_SET_PDEATHSIG, SIGINT);
            if (::getppid() != parent) ::_exit(1);
        }
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        const int nothing = ::open("/dev/null", O_RDONLY);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        if (nothing >= 0) ::dup2(nothing, 0);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return child;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// Data directories of earlier runs that crashed (their process is gone; its postgres went with it).
void remove_stale_directories() {
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path(), ignored)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("kimonet-pg-")) continue;
        const int pid = std::atoi(name.c_str() + 11);
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove_all(entry.path(), ignored);
    }
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
    remove_stale_directories();
    const std::string bin = postgresql_bin();
    BOOST_TEST_REQUIRE(!bin.empty(), "PostgreSQL server binaries not found (Debian package postgresql; or set KIMONET_PG_BIN)");
    std::random_device random;
    m_directory = (std::filesystem::temp_directory_path() / ("kimonet-pg-" + std::to_string(::getpid()) + "-" + std::to_string(random())))
                      .string();
    std::filesystem::create_directories(m_directory);
    ::chmod(m_directory.c_str(), 0700);
    if (running_as_root()) {
        const passwd* user = ::getpwnam("postgres");
        BOOST_TEST_REQUIRE(user != nullptr, "running as root needs the postgres system user (Debian package postgresql)");
        BOOST_TEST_REQUIRE(::chown(m_directory.c_str(), user->pw_uid, user->pw_gid) == 0);
    }
    const std::string log = m_directory + "/server.log";
    const pid_t initdb = spawn({bin + "/initdb", "-D", m_directory + "/data", "-U", "kimonet", "--auth=trust", "-E", "UTF8",
                                "--locale=C.UTF-8", "--no-sync", "--no-instructions"},
                               log, false);
    int status = 0;
    ::waitpid(initdb, &status, 0);
    BOOST_TEST_REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0), "initdb failed:\n" << read_file(log));
    for (int attempt = 0; attempt < 3 && m_pid == 0; ++attempt) {
        m_port = free_loopback_port();
        const pid_t server = spawn({bin + "/postgres", "-D", m_directory + "/data", "-p", std::to_string(m_port), "-k", m_directory, "-c",
                                    "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
                                    "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=64MB"},
                                   log, true);
        const std::string ping = url("postgres");
        for (int wait = 0; wait < 600; ++wait) {  // up to 30 s
            if (::waitpid(server, &status, WNOHANG) == server) break;  // exited: port taken meanwhile?
            if (PQping(ping.c_str()) == PQPING_OK) {
                m_pid = server;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (m_pid == 0) {
            ::kill(server, SIGKILL);
            ::waitpid(server, &status, 0);
        }
    }
    BOOST_TEST_REQUIRE(m_pid != 0, "postgres did not start:\n" << read_file(log));
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
    if (m_pid > 0) {
        ::kill(m_pid, SIGINT);  // fast shutdown: open sessions are ended, not waited for
        int status = 0;
        bool gone = false;
        for (int wait = 0; wait < 200 && !gone; ++wait) {
            gone = ::waitpid(m_pid, &status, WNOHANG) == m_pid;
            if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (!gone) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
        }
        m_pid = 0;
    }
    std::error_code ignored;
    if (!m_directory.empty()) std::filesystem::remove_all(m_directory, ignored);
}

std::string TestPostgresql::url(const std::string& database) const {
    // The unix socket in the temp dir (the server also listens on 127.0.0.1:port).
    return "postgresql://kimonet@/" + database + "?host=" + m_directory + "&port=" + std::to_string(m_port);
}

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
