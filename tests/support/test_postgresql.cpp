#include "support/test_postgresql.hpp"

#include <atomic>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <boost/test/unit_test.hpp>
#include <thread>

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
