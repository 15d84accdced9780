// The SQLite engine: one sqlite3 connection in WAL mode, its statement cache, and the rule that a
// write never upgrades a read still open on the same connection (see database.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

#include "store/engine.hpp"
#include "store/sqlite_fold.hpp"

namespace kimonet::store::detail {

namespace {

class SqliteStatement;

constexpr int kBusyTimeoutMs = 10'000;

// SQLite's busy handler waits by sleeping (1, 2, 5, 10 … ms between tries): two writers of one
// process meeting at the write lock cost the second a sleep even when the first commits a few
// microseconds later (a kept gateway callback behind a batch that applies others). So this
// process's write transactions on one file first queue on a gate of their own, handed over at
// once when the holder's transaction ends; the busy handler still covers other processes (the
// CLI, a backup). One gate per file, shared by every connection of the process to it.
struct WriterGate {
    std::timed_mutex mutex;
};

std::shared_ptr<WriterGate> writer_gate(const std::string& file) {
    static std::mutex guard;
    static std::map<std::string, std::weak_ptr<WriterGate>> gates;
    std::error_code ignored;
    const std::string key = std::filesystem::weakly_canonical(file, ignored).string();
    std::lock_guard lock(guard);
    for (auto it = gates.begin(); it != gates.end();) it = it->second.expired() ? gates.erase(it) : std::next(it);
    auto& slot = gates[key.empty() ? file : key];
    auto gate = slot.lock();
    if (!gate) slot = gate = std::make_shared<WriterGate>();
    return gate;
}

// Prepared statements kept by their connection, keyed by their SQL: a Statement goes back to its
// connection's cache (reset, bindings cleared) when it is destroyed, so hot paths (gateway
// callbacks, bill checks) parse each SQL text once per connection instead of once per call. A
// connection is used by one thread at a time, so the cache needs no lock. A Statement outliving its
// connection finds the cache gone (weak_ptr) and finalizes itself.
struct StatementCache {
    static constexpr std::size_t kMaxPerConnection = 256;
    static constexpr std::size_t kMaxPerSql = 4;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, std::vector<SqliteStatement*>, Hash, std::equal_to<>> idle;
    std::size_t count = 0;
    ~StatementCache();
};

// A statement of `db` that is stepped but neither finished nor reset holds a read transaction.
std::string open_read_sql(sqlite3* db, sqlite3_stmt* except) {
    for (sqlite3_stmt* statement = sqlite3_next_stmt(db, nullptr); statement; statement = sqlite3_next_stmt(db, statement)) {
        if (statement != except && sqlite3_stmt_busy(statement)) {
            const char* sql = sqlite3_sql(statement);
            return sql ? sql : "?";
        }
    }
    return {};
}

// The start of one SQL statement, for error messages.
std::string statement_label(std::string_view text) {
    const auto start = text.find_first_not_of(" \t\r\n");
    return start == std::string_view::npos ? std::string() : std::string(text.substr(start, 60));
}

class SqliteStatement final : public StatementBackend {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement, std::weak_ptr<StatementCache> cache)
        : m_db(db), m_statement(statement), m_cache(std::move(cache)) {}
    ~SqliteStatement() override { sqlite3_finalize(m_statement); }

    void bind_int(int index, std::int64_t value) override { sqlite3_bind_int64(m_statement, index, value); }
    void bind_double(int index, double value) override { sqlite3_bind_double(m_statement, index, value); }
    void bind_text(int index, std::string_view value) override {
        sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    }
    void bind_blob(int index, std::string_view bytes) override {
        sqlite3_bind_blob(m_statement, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    }
    void bind_null(int index) override { sqlite3_bind_null(m_statement, index); }
    int parameter_index(const char* name) const override { return sqlite3_bind_parameter_index(m_statement, name); }

    Result<bool> step() override {
        // A write outside a transaction while another statement of this connection is mid-read
        // would upgrade that read and could fail with SQLITE_BUSY at once (see database.hpp).
        if (!sqlite3_stmt_busy(m_statement) && !sqlite3_stmt_readonly(m_statement) && sqlite3_get_autocommit(m_db)) {
            if (std::string open = open_read_sql(m_db, m_statement); !open.empty()) return open_read_error(open);
        }
        const int code = sqlite3_step(m_statement);
        if (code == SQLITE_ROW) return true;
        if (code == SQLITE_DONE) return false;
        Error error = sqlite_error(m_db, code, "query failed");
        sqlite3_reset(m_statement);
        return error;
    }

    void reset() override {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }

    std::int64_t column_int(int index) const override { return sqlite3_column_int64(m_statement, index); }
    double column_double(int index) const override { return sqlite3_column_double(m_statement, index); }
    std::string_view column_text_view(int index) const override {
        const auto* text = sqlite3_column_text(m_statement, index);
        return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                    : std::string_view();
    }
    bool column_is_null(int index) const override { return sqlite3_column_type(m_statement, index) == SQLITE_NULL; }
    int column_count() const override { return sqlite3_column_count(m_statement); }

    void release() override {
        if (auto cache = m_cache.lock(); cache && give_back(*cache)) return;
        delete this;
    }

private:
    bool give_back(StatementCache& cache) {
        if (cache.count >= StatementCache::kMaxPerConnection) return false;
        // sqlite3_sql is the text the statement was prepared from (without any unparsed tail).
        const std::string_view sql = sqlite3_sql(m_statement);
        auto found = cache.idle.find(sql);
        if (found == cache.idle.end()) found = cache.idle.emplace(std::string(sql), std::vector<SqliteStatement*>()).first;
        if (found->second.size() >= StatementCache::kMaxPerSql) return false;
        reset();
        found->second.push_back(this);
        ++cache.count;
        return true;
    }

    sqlite3* m_db;
    sqlite3_stmt* m_statement;
    std::weak_ptr<StatementCache> m_cache;
};

StatementCache::~StatementCache() {
    for (auto& [sql, statements] : idle)
        for (SqliteStatement* statement : statements) delete statement;
}

// The database and its -wal/-shm hold every customer record and sealed secret: owner-only.
// SQLite gives the -wal and -shm files the database file's own mode, so creating the database
// 0600 (and tightening an existing one) covers all three; existing sidecars are fixed too.
// An existing file is never opened here: closing any descriptor of a database file drops every
// POSIX lock this process holds on it (other connections' locks included), so only chmod().
Result<void> restrict_database_files(const std::string& path) {
    if (path.empty() || path == ":memory:" || path.starts_with("file:")) return {};
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        ::close(fd);  // a new, empty file: nobody holds locks on it yet
    } else if (errno != EEXIST) {
        return make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotCreateDatabase, path + ": " + std::strerror(errno)));
    }
    // Best effort on files that already exist (another owner's file is left as it is).
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::chmod((path + suffix).c_str(), 0600);
    return {};
}

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(sqlite3* db) : m_db(db) {}
    ~SqliteConnection() override {
        m_cache.reset();  // finalizes the idle statements; statements still in use finalize themselves
        sqlite3_close_v2(m_db);
    }

    Result<StatementBackend*> prepare(std::string_view sql) override {
        auto found = m_cache->idle.find(sql);
        if (found != m_cache->idle.end() && !found->second.empty()) {
            SqliteStatement* statement = found->second.back();
            found->second.pop_back();
            --m_cache->count;
            return static_cast<StatementBackend*>(statement);
        }
        sqlite3_stmt* statement = nullptr;
        const int code = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
        if (code != SQLITE_OK) return sqlite_error(m_db, code, "prepare failed");
        return static_cast<StatementBackend*>(new SqliteStatement(m_db, statement, m_cache));
    }

    Result<void> execute(std::string_view sql) override {
        // Statement by statement (rather than sqlite3_exec) so each write gets the open-read check.
        const char* cursor = sql.data();
        const char* const end = sql.data() + sql.size();
        while (cursor < end) {
            sqlite3_stmt* statement = nullptr;
            const char* tail = nullptr;
            int code = sqlite3_prepare_v2(m_db, cursor, static_cast<int>(end - cursor), &statement, &tail);
            const std::string_view text(cursor, static_cast<std::size_t>((tail ? tail : end) - cursor));
            const std::string context = statement_label(text);
            if (code != SQLITE_OK) return sqlite_error(m_db, code, context);
            cursor = tail ? tail : end;
            if (!statement) continue;  // only whitespace or a comment
            if (!sqlite3_stmt_readonly(statement) && sqlite3_get_autocommit(m_db)) {
                if (std::string open = open_read_sql(m_db, statement); !open.empty()) {
                    sqlite3_finalize(statement);
                    return open_read_error(open);
                }
            }
            while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
            }
            if (code != SQLITE_DONE) {
                Error error = sqlite_error(m_db, code, context);
                sqlite3_finalize(statement);
                return error;
            }
            sqlite3_finalize(statement);
        }
        return {};
    }

    Result<void> begin() override {
        // BEGIN IMMEDIATE waits for the write lock through the busy handler only when this
        // connection holds no read: with one open, it would fail at once (see database.hpp).
        if (std::string open = open_read_sql(m_db, nullptr); !open.empty()) return open_read_error(open);
        // This process's writers queue on the file's gate first (WriterGate), as long as the busy
        // handler would wait for another process.
        if (m_gate && !m_gate->mutex.try_lock_for(std::chrono::milliseconds(kBusyTimeoutMs)))
            return sqlite_error(m_db, SQLITE_BUSY, "BEGIN IMMEDIATE");
        auto begun = execute("BEGIN IMMEDIATE");
        if (!begun) {
            if (m_gate) m_gate->mutex.unlock();
            return begun;
        }
        m_holds_gate = m_gate != nullptr;
        return begun;
    }
    void ended() override {
        if (m_holds_gate) m_gate->mutex.unlock();
        m_holds_gate = false;
    }
    void set_gate(std::shared_ptr<WriterGate> gate) { m_gate = std::move(gate); }

    std::int64_t last_insert_id() override { return sqlite3_last_insert_rowid(m_db); }
    int changes() const override { return sqlite3_changes(m_db); }
    sqlite3* sqlite_handle() override { return m_db; }

private:
    sqlite3* m_db;
    std::shared_ptr<StatementCache> m_cache = std::make_shared<StatementCache>();
    std::shared_ptr<WriterGate> m_gate;
    bool m_holds_gate = false;
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& file) {
    TRY_VOID(restrict_database_files(file));
    sqlite3* db = nullptr;
    const int code = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        Error error = make_error(ErrorCode::Internal, messages::with_detail(messages::kCannotOpenDatabase, file + ": " + sqlite3_errstr(code)));
        sqlite3_close(db);
        return error;
    }
    auto connection = std::make_unique<SqliteConnection>(db);
    // An in-memory database is private to its connection: nothing to queue behind.
    if (file != ":memory:" && !file.empty()) connection->set_gate(writer_gate(file));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    if (const int registered = register_fold_function(db); registered != SQLITE_OK) return sqlite_error(db, registered, "kimonet_fold");
    TRY_VOID(connection->execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"));
    return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace kimonet::store::detail

namespace kimonet::store {

Error sqlite_error(sqlite3* db, int code, std::string_view context) {
    const int primary = code & 0xFF;
    std::string message = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    // Name the kind of busy: SQLITE_BUSY_SNAPSHOT (a read upgraded to a write) is a programming
    // mistake, plain SQLITE_BUSY after the busy timeout is load.
    if (code == SQLITE_BUSY_SNAPSHOT) message += " (SQLITE_BUSY_SNAPSHOT)";
    else if (code == SQLITE_BUSY_RECOVERY) message += " (SQLITE_BUSY_RECOVERY)";
    else if (code == SQLITE_BUSY_TIMEOUT) message += " (SQLITE_BUSY_TIMEOUT)";
    message = messages::with_detail(messages::kDatabaseStatementFailed, message);
    if (primary == SQLITE_CONSTRAINT) return make_error(ErrorCode::Conflict, message);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return make_error(ErrorCode::Unavailable, message);
    return make_error(ErrorCode::Internal, message);
}

Error open_read_error(const std::string& sql) {
    return make_error(ErrorCode::Internal, messages::with_detail(messages::kWriteWhileReadOpen, sql.substr(0, 120)));
}

}  // namespace kimonet::store
