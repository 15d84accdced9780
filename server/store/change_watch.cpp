#include "store/change_watch.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <optional>
#include <thread>

#include "core/error_messages.hpp"
#include "store/database.hpp"

namespace kimonet::store {

namespace {

// The channel every write transaction notifies at its COMMIT (database.cpp).
constexpr const char* kChangesChannel = "kimonet_changes";

// Sleeps in short slices, so that stopping is prompt.
void sleep_until(ChangeWatch::Clock::time_point until, const std::atomic<bool>& stop) {
    while (!stop.load() && ChangeWatch::Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace

// One engine's way to look. connect() may be called again after a failure.
class ChangeWatch::Backend {
public:
    struct Look {
        bool changed = false;    // something may have been committed since the last look
        bool confirmed = false;  // every commit before this look began is counted
    };
    virtual ~Backend() = default;
    virtual Result<void> connect() = 0;
    virtual void disconnect() = 0;
    virtual bool connected() const = 0;
    virtual Result<Look> look() = 0;
    // Until `until` (or `stop`): calls `changed` for each change notice as it arrives.
    virtual Result<void> wait(Clock::time_point until, const std::atomic<bool>& stop, const std::function<void()>& changed) = 0;
};

namespace {

class SqliteBackend : public ChangeWatch::Backend {
public:
    explicit SqliteBackend(std::string url) : m_url(std::move(url)) {}

    Result<void> connect() override {
        m_db = TRY(Database::open(m_url));
        m_version.reset();
        return {};
    }
    void disconnect() override { m_db.reset(); }
    bool connected() const override { return m_db != nullptr; }

    Result<Look> look() override {
        // Changes when another connection (this process's pool, or another process) committed.
        auto version = TRY(m_db->prepare("PRAGMA data_version"));
        if (!TRY(version.step())) return make_error(ErrorCode::Internal, messages::kDatabaseStatementFailed);
        const std::int64_t value = version.column_int(0);
        const bool changed = m_version && *m_version != value;
        m_version = value;
        return Look{changed, true};
    }

    Result<void> wait(ChangeWatch::Clock::time_point until, const std::atomic<bool>& stop, const std::function<void()>&) override {
        sleep_until(until, stop);
        return {};
    }

private:
    std::string m_url;
    std::unique_ptr<Database> m_db;
    std::optional<std::int64_t> m_version;
};

class PostgresqlBackend : public ChangeWatch::Backend {
public:
    explicit PostgresqlBackend(std::string url) : m_url(std::move(url)) {}
    ~PostgresqlBackend() override { disconnect(); }

    Result<void> connect() override {
        disconnect();
        m_connection = PQconnectdb(m_url.c_str());
        if (!m_connection || PQstatus(m_connection) != CONNECTION_OK) {
            const std::string message = m_connection ? PQerrorMessage(m_connection) : "out of memory";
            disconnect();
            return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kConnectionFailed, message));
        }
        // Its own channel, for the pings; a ping commits nothing worth a flush.
        m_own_channel = "kimonet_watch_" + std::to_string(PQbackendPID(m_connection));
        TRY_VOID(run("SET synchronous_commit = off; LISTEN " + std::string(kChangesChannel) + "; LISTEN " + m_own_channel));
        return {};
    }
    void disconnect() override {
        if (m_connection) PQfinish(m_connection);
        m_connection = nullptr;
    }
    bool connected() const override { return m_connection != nullptr; }

    Result<Look> look() override {
        // Notifications are delivered in commit order: once our own comes back, every
        // transaction that committed before we sent it has been seen.
        TRY_VOID(run("NOTIFY " + m_own_channel));
        Look look;
        drain([&] { look.changed = true; }, &look.confirmed);
        return look;
    }

    Result<void> wait(ChangeWatch::Clock::time_point until, const std::atomic<bool>& stop, const std::function<void()>& changed) override {
        while (!stop.load()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - ChangeWatch::Clock::now()).count();
            if (left <= 0) return {};
            pollfd socket{PQsocket(m_connection), POLLIN, 0};
            if (socket.fd < 0) return make_error(ErrorCode::Unavailable, messages::kConnectionIsClosed);
            // Short slices, so that stopping is prompt.
            const int ready = ::poll(&socket, 1, static_cast<int>(std::min<long long>(left, 20)));
            if (ready <= 0) continue;
            if (!PQconsumeInput(m_connection) || PQstatus(m_connection) != CONNECTION_OK)
                return make_error(ErrorCode::Unavailable, messages::kConnectionIsClosed);
            drain(changed, nullptr);
        }
        return {};
    }

private:
    Result<void> run(const std::string& sql) {
        PGresult* result = PQexec(m_connection, sql.c_str());
        const bool ok = result && PQresultStatus(result) == PGRES_COMMAND_OK;
        if (result) PQclear(result);
        if (!ok) return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kDatabaseStatementFailed, PQerrorMessage(m_connection)));
        return {};
    }

    void drain(const std::function<void()>& changed, bool* own_seen) {
        while (PGnotify* notice = PQnotifies(m_connection)) {
            if (std::strcmp(notice->relname, kChangesChannel) == 0) changed();
            else if (own_seen && m_own_channel == notice->relname) *own_seen = true;
            PQfreemem(notice);
        }
    }

    std::string m_url;
    PGconn* m_connection = nullptr;
    std::string m_own_channel;
};

}  // namespace

struct ChangeWatch::Thread {
    std::thread thread;
};

Result<std::unique_ptr<ChangeWatch>> ChangeWatch::start(const std::string& url, std::shared_ptr<const std::atomic<std::uint64_t>> local_commits) {
    std::unique_ptr<ChangeWatch> watch(new ChangeWatch());
    watch->m_local = std::move(local_commits);
    if (is_postgresql_url(url)) watch->m_backend = std::make_unique<PostgresqlBackend>(url);
    else watch->m_backend = std::make_unique<SqliteBackend>(url);
    TRY_VOID(watch->m_backend->connect());
    // The first look before returning: the watch is caught up from the start.
    const auto began = Clock::now();
    const auto look = TRY(watch->m_backend->look());
    if (look.confirmed) watch->m_confirmed = began.time_since_epoch().count();
    watch->m_thread = std::make_unique<Thread>();
    watch->m_thread->thread = std::thread([raw = watch.get(), began] { raw->run(began); });
    return watch;
}

ChangeWatch::~ChangeWatch() {
    m_stop = true;
    if (m_thread && m_thread->thread.joinable()) m_thread->thread.join();
}

std::uint64_t ChangeWatch::generation() const { return m_external.load() + (m_local ? m_local->load() : 0); }

bool ChangeWatch::caught_up(Clock::time_point now, Clock::duration window) const {
    const Clock::rep confirmed = m_confirmed.load();
    return confirmed != 0 && now - Clock::time_point(Clock::duration(confirmed)) <= window;
}

void ChangeWatch::run(Clock::time_point last_look) {
    const auto bump = [this] { ++m_external; };
    while (!m_stop.load()) {
        // Between looks, PostgreSQL's change notices are counted as they arrive.
        if (m_backend->connected() && !m_backend->wait(last_look + kPeriod, m_stop, bump)) m_backend->disconnect();
        if (m_stop.load()) break;
        if (!m_backend->connected()) {
            if (!m_backend->connect()) {
                sleep_until(Clock::now() + std::chrono::seconds(1), m_stop);
                continue;
            }
            bump();  // anything may have changed while it was away
        }
        last_look = Clock::now();
        auto look = m_backend->look();
        if (!look) {
            m_backend->disconnect();
            continue;
        }
        if (look->changed) bump();
        if (look->confirmed) m_confirmed = last_look.time_since_epoch().count();
    }
}

}  // namespace kimonet::store
